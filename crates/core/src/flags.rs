//! Medusa 1.20's feature flags: which exist, their defaults, and how Medusa reads them from
//! the environment (`MEDUSA_FF_<KEY>`), so a server started with the same variables as a
//! Medusa server honours and reports the same flags.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A feature flag Medusa 1.20 knows, in the order `GET /admin/store` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    Analytics,
    MedusaV2,
    OrderEditing,
    ProductCategories,
    PublishableApiKeys,
    SalesChannels,
    TaxInclusivePricing,
    Workflows,
}

impl Flag {
    pub const ALL: [Flag; 8] = [
        Flag::Analytics,
        Flag::MedusaV2,
        Flag::OrderEditing,
        Flag::ProductCategories,
        Flag::PublishableApiKeys,
        Flag::SalesChannels,
        Flag::TaxInclusivePricing,
        Flag::Workflows,
    ];

    /// The flag's key, as Medusa lists it and as `MEDUSA_FF_<KEY>` spells it upper-cased.
    pub const fn key(self) -> &'static str {
        match self {
            Flag::Analytics => "analytics",
            Flag::MedusaV2 => "medusa_v2",
            Flag::OrderEditing => "order_editing",
            Flag::ProductCategories => "product_categories",
            Flag::PublishableApiKeys => "publishable_api_keys",
            Flag::SalesChannels => "sales_channels",
            Flag::TaxInclusivePricing => "tax_inclusive_pricing",
            Flag::Workflows => "workflows",
        }
    }

    /// Medusa 1.20's default when the environment does not set the flag.
    pub const fn default_value(self) -> bool {
        matches!(
            self,
            Flag::Analytics | Flag::OrderEditing | Flag::PublishableApiKeys | Flag::SalesChannels
        )
    }

    /// The environment variable Medusa reads the flag from.
    pub fn env_key(self) -> String {
        format!("MEDUSA_FF_{}", self.key().to_ascii_uppercase())
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The flags a server runs with. `Default` is Medusa's defaults.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FeatureFlags {
    enabled: u16,
}

impl Default for FeatureFlags {
    fn default() -> Self {
        Flag::ALL
            .into_iter()
            .fold(Self { enabled: 0 }, |flags, flag| {
                flags.with(flag, flag.default_value())
            })
    }
}

impl FeatureFlags {
    /// The flags as Medusa reads them from this process's environment.
    pub fn from_env() -> Self {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// The flags as Medusa reads them from variables: a set variable decides (`true` in any
    /// case turns a flag on, anything else off; a comma-separated list, Medusa's per-feature
    /// form, turns it on), an unset one leaves the default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        Flag::ALL.into_iter().fold(Self::default(), |flags, flag| {
            match lookup(&flag.env_key()) {
                Some(value) => flags.with(flag, is_truthy(&value)),
                None => flags,
            }
        })
    }

    pub fn is_enabled(self, flag: Flag) -> bool {
        self.enabled & flag.bit() != 0
    }

    /// The same flags with `flag` set to `on`.
    #[must_use]
    pub fn with(self, flag: Flag, on: bool) -> Self {
        let enabled = if on {
            self.enabled | flag.bit()
        } else {
            self.enabled & !flag.bit()
        };
        Self { enabled }
    }
}

fn is_truthy(value: &str) -> bool {
    value.eq_ignore_ascii_case("true") || value.split(',').count() > 1
}

impl std::fmt::Debug for FeatureFlags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(Flag::ALL.map(|flag| (flag.key(), self.is_enabled(flag))))
            .finish()
    }
}

/// `[{"key": "analytics", "value": true}, ...]`, as `GET /admin/store` lists them.
impl Serialize for FeatureFlags {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Entry(&'static str, bool);
        impl Serialize for Entry {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("key", self.0)?;
                map.serialize_entry("value", &self.1)?;
                map.end()
            }
        }
        let mut seq = serializer.serialize_seq(Some(Flag::ALL.len()))?;
        for flag in Flag::ALL {
            seq.serialize_element(&Entry(flag.key(), self.is_enabled(flag)))?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::{FeatureFlags, Flag};

    fn read(vars: &[(&str, &str)]) -> FeatureFlags {
        FeatureFlags::from_lookup(|name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        })
    }

    #[test]
    fn environment_values_decide_as_in_medusa() {
        let cases: &[(&str, Flag, bool)] = &[
            ("true", Flag::TaxInclusivePricing, true),
            ("TRUE", Flag::TaxInclusivePricing, true),
            ("1", Flag::TaxInclusivePricing, false),
            ("false", Flag::Analytics, false),
            ("", Flag::SalesChannels, false),
            ("createProducts,deleteProducts", Flag::Workflows, true),
        ];
        for (value, flag, expected) in cases {
            let flags = read(&[(&flag.env_key(), value)]);
            assert_eq!(
                flags.is_enabled(*flag),
                *expected,
                "{}={value:?}",
                flag.env_key()
            );
        }
    }

    #[test]
    fn unset_flags_keep_medusa_defaults_in_medusa_order() {
        let listed = serde_json::to_value(read(&[])).unwrap_or_default();
        assert_eq!(
            listed,
            serde_json::json!([
                {"key": "analytics", "value": true},
                {"key": "medusa_v2", "value": false},
                {"key": "order_editing", "value": true},
                {"key": "product_categories", "value": false},
                {"key": "publishable_api_keys", "value": true},
                {"key": "sales_channels", "value": true},
                {"key": "tax_inclusive_pricing", "value": false},
                {"key": "workflows", "value": false},
            ])
        );
        assert_eq!(
            Flag::ProductCategories.env_key(),
            "MEDUSA_FF_PRODUCT_CATEGORIES"
        );
    }
}
