//! Storage keys: how a client's file name becomes a key that cannot leave its directory.
//!
//! A key is `<epoch millis>-<name>` (as file-local names files), where `<name>` is the last
//! path segment of the client's name reduced to `[A-Za-z0-9._-]`, without leading dots.

/// Longest name kept from a client's file name, extension included.
const MAX_NAME_LEN: usize = 100;
/// Longest key accepted back from a client.
const MAX_KEY_LEN: usize = 255;

/// The client's file name made safe: no directories, no hidden names, no characters a URL or a
/// shell would treat specially. Never empty.
pub fn sanitize_file_name(original: &str) -> String {
    let last = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut name: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    name = name.trim_start_matches('.').to_owned();
    if name.chars().all(|c| c == '_' || c == '.') {
        name = format!("file{name}");
    }
    if name.len() > MAX_NAME_LEN {
        // Keep the extension, which decides the served content type.
        let extension = extension_of(&name)
            .map(|e| format!(".{e}"))
            .unwrap_or_default();
        let keep = MAX_NAME_LEN.saturating_sub(extension.len());
        name = format!("{}{extension}", &name[..keep]);
    }
    name
}

/// The key a sanitized name is stored under at `millis`.
pub fn key_for(millis: i64, sanitized_name: &str) -> String {
    format!("{millis}-{sanitized_name}")
}

/// Whether a key given back by a client stays inside its area: one path segment, not hidden,
/// nothing a filesystem treats specially.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY_LEN
        && !key.starts_with('.')
        && !key
            .chars()
            .any(|c| matches!(c, '/' | '\\' | '\0') || c.is_control())
}

/// The lower-cased extension of a file name, if it has one.
pub fn extension_of(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty()).then(|| extension.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::file_key_from_body;

    #[test]
    fn file_key_bodies() {
        assert_eq!(
            file_key_from_body(serde_json::json!({"file_key": "1-a.png"})).unwrap(),
            "1-a.png"
        );
        for (body, message) in [
            (serde_json::json!({}), "file_key must be a string"),
            (
                serde_json::json!({"file_key": 1, "x": 2}),
                "property x should not exist, file_key must be a string",
            ),
        ] {
            let err = file_key_from_body(body).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
    }

    #[test]
    fn names_lose_directories_and_odd_characters() {
        let cases = [
            ("shirt.png", "shirt.png"),
            ("../../etc/passwd", "passwd"),
            ("..\\..\\windows\\win.ini", "win.ini"),
            ("/abs/path/img.JPG", "img.JPG"),
            (".htaccess", "htaccess"),
            ("..", "file"),
            ("", "file"),
            ("my photo (1).jpg", "my_photo__1_.jpg"),
            ("ünïcode.png", "_n_code.png"),
            ("a\0b.png", "a_b.png"),
        ];
        for (given, expected) in cases {
            assert_eq!(sanitize_file_name(given), expected, "{given:?}");
        }
    }

    #[test]
    fn long_names_keep_their_extension() {
        let name = sanitize_file_name(&format!("{}.jpeg", "x".repeat(300)));
        assert_eq!(name.len(), MAX_NAME_LEN);
        assert!(name.ends_with(".jpeg"));
    }

    #[test]
    fn keys_that_could_escape_are_invalid() {
        for key in ["1-a.png", "1700000000000-shirt.png", "a b.png"] {
            assert!(is_valid_key(key), "{key}");
        }
        let long = "k".repeat(256);
        for key in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "a\\b",
            ".protected",
            "a\0",
            "a\nb",
            long.as_str(),
        ] {
            assert!(!is_valid_key(key), "{key:?}");
        }
    }

    #[test]
    fn extensions_are_lower_cased() {
        assert_eq!(extension_of("a.PNG").as_deref(), Some("png"));
        assert_eq!(extension_of("archive.tar.gz").as_deref(), Some("gz"));
        assert_eq!(extension_of("noext"), None);
        assert_eq!(extension_of(".hidden"), None);
        assert_eq!(extension_of("trailing."), None);
    }
}
