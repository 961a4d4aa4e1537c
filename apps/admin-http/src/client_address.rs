//! The client's address, as Express's `trust proxy` setting decides it: the connection's peer
//! unless the operator names the proxies in front of the server (`TRUST_PROXY`), and then the
//! first address in `X-Forwarded-For` that a trusted proxy did not add. Without the setting a
//! forwarded header is ignored: any client could write one.

use std::net::IpAddr;

use actix_web::HttpRequest;

/// Which peers may tell the client's address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum TrustProxy {
    /// The peer is the client (the default).
    #[default]
    None,
    /// Every hop is trusted: the left-most forwarded address is the client.
    All,
    /// The last `n` hops are trusted proxies.
    Hops(usize),
    /// These addresses are trusted proxies.
    Addresses(Vec<IpAddr>),
}

impl TrustProxy {
    /// Reads `TRUST_PROXY`: `true`/`false`, a hop count, or comma-separated proxy addresses
    /// (`loopback` names 127.0.0.1 and ::1).
    pub fn parse(setting: &str) -> Result<Self, String> {
        let setting = setting.trim();
        match setting {
            "" | "false" => return Ok(Self::None),
            "true" => return Ok(Self::All),
            _ => {}
        }
        if let Ok(hops) = setting.parse::<usize>() {
            return Ok(if hops == 0 {
                Self::None
            } else {
                Self::Hops(hops)
            });
        }
        let mut addresses = Vec::new();
        for entry in setting.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            match entry {
                "loopback" => addresses.extend([
                    IpAddr::from(std::net::Ipv4Addr::LOCALHOST),
                    IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
                ]),
                _ => addresses.push(entry.parse().map_err(|_| {
                    format!("TRUST_PROXY: {entry:?} is not an address (use true, false, a hop count or proxy addresses)")
                })?),
            }
        }
        Ok(Self::Addresses(addresses))
    }

    /// The client address, from the peer and the `X-Forwarded-For` entries in header order.
    pub fn client(&self, peer: Option<IpAddr>, forwarded: &[IpAddr]) -> Option<IpAddr> {
        // The chain from the nearest hop outwards: the peer, then the forwarded entries from
        // the right. Each trusted hop hands over to the next.
        let chain = peer.into_iter().chain(forwarded.iter().rev().copied());
        let mut last = None;
        for (hop, address) in chain.enumerate() {
            last = Some(address);
            let trusted = match self {
                Self::None => false,
                Self::All => true,
                Self::Hops(n) => hop < *n,
                Self::Addresses(proxies) => proxies.contains(&address),
            };
            if !trusted {
                break;
            }
        }
        last
    }

    /// The request's client address as text, for the login throttle.
    pub fn client_of(&self, req: &HttpRequest) -> Option<String> {
        let peer = req.peer_addr().map(|addr| addr.ip());
        let forwarded: Vec<IpAddr> = match self {
            Self::None => Vec::new(),
            _ => req
                .headers()
                .get_all("x-forwarded-for")
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .filter_map(|entry| entry.trim().parse().ok())
                .collect(),
        };
        self.client(peer, &forwarded).map(|ip| ip.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::TrustProxy;
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn settings_read_as_express_reads_them() {
        assert_eq!(TrustProxy::parse("").unwrap(), TrustProxy::None);
        assert_eq!(TrustProxy::parse("false").unwrap(), TrustProxy::None);
        assert_eq!(TrustProxy::parse("true").unwrap(), TrustProxy::All);
        assert_eq!(TrustProxy::parse("2").unwrap(), TrustProxy::Hops(2));
        assert_eq!(
            TrustProxy::parse("loopback, 10.0.0.5").unwrap(),
            TrustProxy::Addresses(vec![ip("127.0.0.1"), ip("::1"), ip("10.0.0.5")])
        );
        assert!(TrustProxy::parse("proxy.local").is_err());
    }

    #[test]
    fn the_client_is_the_first_untrusted_hop() {
        let peer = Some(ip("10.0.0.5"));
        let forwarded = [ip("203.0.113.9"), ip("198.51.100.1"), ip("10.0.0.4")];
        let cases = [
            (TrustProxy::None, "10.0.0.5"),
            (TrustProxy::All, "203.0.113.9"),
            (TrustProxy::Hops(1), "10.0.0.4"),
            (TrustProxy::Hops(2), "198.51.100.1"),
            (TrustProxy::Hops(9), "203.0.113.9"),
            (
                TrustProxy::Addresses(vec![ip("10.0.0.5"), ip("10.0.0.4")]),
                "198.51.100.1",
            ),
            // A client writing its own header does not get past an untrusted peer.
            (TrustProxy::Addresses(vec![ip("10.0.0.9")]), "10.0.0.5"),
        ];
        for (trust, expected) in cases {
            assert_eq!(
                trust.client(peer, &forwarded),
                Some(ip(expected)),
                "{trust:?}"
            );
        }
    }
}
