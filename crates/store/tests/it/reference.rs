//! The recorded answers of the real Medusa (`../reference`, made by `capture.sh`).

use serde_json::Value;

/// One recorded request and its answer.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub name: String,
    pub method: String,
    pub path: String,
    pub body: Option<Value>,
    pub status: u16,
    pub response: Value,
}

fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

/// The raw text of a recorded answer.
pub fn raw(name: &str) -> String {
    std::fs::read_to_string(dir().join(format!("{name}.json"))).unwrap()
}

/// A recorded answer as JSON.
pub fn json(name: &str) -> Value {
    serde_json::from_str(&raw(name)).unwrap()
}

/// Every recorded exchange, in recording order.
pub fn exchanges() -> Vec<Exchange> {
    let index = std::fs::read_to_string(dir().join("index.tsv")).unwrap();
    index
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 5, "bad index line: {line}");
            Exchange {
                name: cells[0].to_owned(),
                method: cells[1].to_owned(),
                path: cells[2].to_owned(),
                body: (!cells[3].is_empty()).then(|| serde_json::from_str(cells[3]).unwrap()),
                status: cells[4].parse().unwrap(),
                response: json(cells[0]),
            }
        })
        .collect()
}

/// The keys of the objects nested `depth` deep (1: the outermost object) in text order.
pub fn keys_at_depth(text: &str, wanted: usize) -> Vec<String> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                // A string directly followed by ':' is a key of the enclosing object.
                if depth == wanted && chars.peek() == Some(&':') {
                    keys.push(current.clone());
                }
            } else {
                current.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                current.clear();
            }
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            _ => {}
        }
    }
    keys
}
