//! The imperative reader the domain crates used before [`Class`](super::Class); going away as
//! they move to declared classes.

use crate::{Error, Result};
use serde_json::{Map, Value};

/// A body being read: take each declared property in declaration order, then [`finish`].
///
/// [`finish`]: BodyReader::finish
pub struct BodyReader {
    fields: Map<String, Value>,
    unknown: Vec<String>,
    errors: Vec<String>,
}

impl BodyReader {
    /// Starts reading `body`, whose accepted properties are `known`. A body that is not a JSON
    /// object is read as an empty one, as Express hands Medusa `{}` then.
    pub fn new(body: Value, known: &[&str]) -> Self {
        let fields = match body {
            Value::Object(fields) => fields,
            _ => Map::new(),
        };
        let unknown = fields
            .keys()
            .filter(|key| !known.contains(&key.as_str()))
            .map(|key| format!("property {key} should not exist"))
            .collect();
        Self {
            fields,
            unknown,
            errors: Vec::new(),
        }
    }

    /// Whether the property is present (even as `null`).
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }

    /// Whether the property is present and `null`.
    pub fn is_null(&self, name: &str) -> bool {
        matches!(self.fields.get(name), Some(Value::Null))
    }

    /// `@IsString()`, with `@IsOptional()` when `optional` (absent or `null` is then `None`).
    pub fn string(&mut self, name: &str, optional: bool) -> Option<String> {
        match self.fields.get(name) {
            Some(Value::String(text)) => Some(text.clone()),
            None | Some(Value::Null) if optional => None,
            _ => {
                self.errors.push(format!("{name} must be a string"));
                None
            }
        }
    }

    /// `@IsNumber()`.
    pub fn number(&mut self, name: &str, optional: bool) -> Option<f64> {
        match self.fields.get(name) {
            Some(Value::Number(number)) => number.as_f64(),
            None | Some(Value::Null) if optional => None,
            _ => {
                self.errors.push(format!(
                    "{name} must be a number conforming to the specified constraints"
                ));
                None
            }
        }
    }

    /// `@IsBoolean()`.
    pub fn boolean(&mut self, name: &str, optional: bool) -> Option<bool> {
        match self.fields.get(name) {
            Some(Value::Bool(flag)) => Some(*flag),
            None | Some(Value::Null) if optional => None,
            _ => {
                self.errors.push(format!("{name} must be a boolean value"));
                None
            }
        }
    }

    /// A property behind a feature flag (Medusa's `FeatureFlagDecorators` with
    /// `@IsOptional() @IsBoolean()`). With the flag off the property must be absent: any
    /// value, `null` included, fails with "{name} should not exist". Medusa registers these
    /// rules after the class's own, so read the property after the others.
    pub fn flagged_boolean(&mut self, name: &str, enabled: bool) -> Option<bool> {
        if enabled {
            self.boolean(name, true)
        } else {
            if self.has(name) {
                self.errors.push(format!("{name} should not exist"));
            }
            None
        }
    }

    /// `@IsArray() @IsString({ each: true })`.
    pub fn strings(&mut self, name: &str, optional: bool) -> Option<Vec<String>> {
        match self.fields.get(name) {
            Some(Value::Array(items)) => {
                let texts: Vec<String> = items
                    .iter()
                    .filter_map(|item| item.as_str().map(str::to_owned))
                    .collect();
                if texts.len() == items.len() {
                    Some(texts)
                } else {
                    self.errors
                        .push(format!("each value in {name} must be a string"));
                    None
                }
            }
            None | Some(Value::Null) if optional => None,
            // `each` checks a lone string as one value, so only the array rule fails.
            Some(Value::String(_)) => {
                self.errors.push(format!("{name} must be an array"));
                None
            }
            _ => {
                self.errors
                    .push(format!("each value in {name} must be a string"));
                self.errors.push(format!("{name} must be an array"));
                None
            }
        }
    }

    /// `@IsObject() @IsOptional()`.
    pub fn object(&mut self, name: &str) -> Option<Map<String, Value>> {
        match self.fields.get(name) {
            Some(Value::Object(fields)) => Some(fields.clone()),
            None | Some(Value::Null) => None,
            _ => {
                self.errors.push(format!("{name} must be an object"));
                None
            }
        }
    }

    /// A property with no type rule (`@IsOptional()` alone): any JSON value; `null` is `None`.
    pub fn any(&mut self, name: &str) -> Option<Value> {
        self.fields
            .get(name)
            .filter(|value| !value.is_null())
            .cloned()
    }

    /// The value of a property, for reading a nested object with its own reader.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields.get(name)
    }

    /// Records a failure of a property's own rule (one the methods above do not cover).
    pub fn fail(&mut self, message: impl Into<String>) {
        self.errors.push(message.into());
    }

    /// Appends the failures of a nested object's reader, as class-validator reports a
    /// `@ValidateNested()` property's children: the child's unknown properties, then its rules.
    pub fn absorb(&mut self, child: BodyReader) {
        self.errors.extend(child.unknown);
        self.errors.extend(child.errors);
    }

    /// The joined failures as one `invalid_data` error, if any.
    pub fn finish(self) -> Result<()> {
        let mut messages = self.unknown;
        messages.extend(self.errors);
        if messages.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid_data(messages.join(", ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(result: Result<()>) -> String {
        match result {
            Err(Error::InvalidData(message)) => message,
            other => panic!("expected invalid_data, got {other:?}"),
        }
    }

    #[test]
    fn reports_like_class_validator_in_declaration_order() {
        let mut body = BodyReader::new(
            json!({"name": 1, "tax_rate": "x", "payment_providers": [1], "fulfillment_providers": "manual", "foo": 1}),
            &[
                "name",
                "currency_code",
                "tax_rate",
                "payment_providers",
                "fulfillment_providers",
            ],
        );
        assert_eq!(body.string("name", false), None);
        assert_eq!(body.string("currency_code", true), None);
        assert_eq!(body.number("tax_rate", false), None);
        assert_eq!(body.strings("payment_providers", false), None);
        assert_eq!(body.strings("fulfillment_providers", false), None);
        assert_eq!(
            message(body.finish()),
            "property foo should not exist, name must be a string, tax_rate must be a number \
             conforming to the specified constraints, each value in payment_providers must be a \
             string, fulfillment_providers must be an array"
        );
    }

    #[test]
    fn missing_array_fails_both_rules_and_good_values_pass() {
        let mut body = BodyReader::new(
            json!({"a": ["x"], "b": true, "m": {"k": 1}}),
            &["a", "b", "m", "c"],
        );
        assert_eq!(body.strings("a", false), Some(vec!["x".to_owned()]));
        assert_eq!(body.boolean("b", true), Some(true));
        assert_eq!(
            body.object("m"),
            Some(json!({"k": 1}).as_object().cloned().unwrap_or_default())
        );
        assert_eq!(body.strings("c", false), None);
        assert_eq!(
            message(body.finish()),
            "each value in c must be a string, c must be an array"
        );
    }
}
