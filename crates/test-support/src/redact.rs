//! Redaction of what differs between runs and between servers, so that answers compare and
//! snapshots hold only the shape and the stable values.

use serde_json::Value;

/// Replaces timestamps (`*_at` strings) with `[datetime]`, tokens (`token`, `access_token`)
/// with `[token]`, and generated ids (`<prefix>_<ULID>` under `id`, `*_id` or `ids`) with
/// `[id]`; everything else is kept.
pub fn redact(value: &Value) -> Value {
    redact_at(None, value)
}

fn redact_at(key: Option<&str>, value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), redact_at(Some(k), v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| redact_at(key, v)).collect()),
        Value::String(s) => {
            let key = key.unwrap_or_default();
            if key.ends_with("_at") {
                Value::String("[datetime]".into())
            } else if key == "token" || key == "access_token" {
                Value::String("[token]".into())
            } else if is_generated_id(s) && (key == "id" || key.ends_with("_id") || key == "ids") {
                Value::String("[id]".into())
            } else {
                value.clone()
            }
        }
        _ => value.clone(),
    }
}

/// `<prefix>_<26-char ULID>`, the shape of ids that differ from run to run.
fn is_generated_id(s: &str) -> bool {
    s.rsplit_once('_').is_some_and(|(_, ulid)| {
        ulid.len() == 26 && ulid.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::redact;

    #[test]
    fn redacts_ids_timestamps_and_tokens_only() {
        let answer = json!({
            "region": {
                "id": "reg_01HZX8Q3W0V1N2B3C4D5E6F7G8",
                "currency_code": "eur",
                "created_at": "2024-01-01T00:00:00.000Z",
                "deleted_at": null,
                "tax_provider_id": "manual",
                "countries": [{"region_id": "reg_01HZX8Q3W0V1N2B3C4D5E6F7G8", "iso_2": "de"}],
            },
            "ids": ["cus_01HZX8Q3W0V1N2B3C4D5E6F7G8"],
            "access_token": "eyJ...",
        });
        assert_eq!(
            redact(&answer),
            json!({
                "region": {
                    "id": "[id]",
                    "currency_code": "eur",
                    "created_at": "[datetime]",
                    "deleted_at": null,
                    "tax_provider_id": "manual",
                    "countries": [{"region_id": "[id]", "iso_2": "de"}],
                },
                "ids": ["[id]"],
                "access_token": "[token]",
            })
        );
    }
}
