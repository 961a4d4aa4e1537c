//! Walking a [`Class`] over a body and collecting class-validator's messages.

use serde_json::{Map, Value};
use validator::{ValidateEmail, ValidateLength, ValidateRange, ValidateUrl};

use super::{Class, Presence, Rule};
use crate::FeatureFlags;

/// Unknown properties first, then each declared property's failures in declaration order.
pub(super) fn class(
    class: &Class,
    fields: &Map<String, Value>,
    flags: FeatureFlags,
    out: &mut Vec<String>,
) {
    for key in fields.keys() {
        if !class.fields.iter().any(|field| field.name == key) {
            out.push(format!("property {key} should not exist"));
        }
    }
    for field in class.fields {
        let value = fields.get(field.name);
        let absent = matches!(value, None | Some(Value::Null));
        match field.presence {
            Presence::Optional if absent => continue,
            Presence::Defined if value.is_none() => continue,
            Presence::Flagged(flag) if !flags.is_enabled(flag) => {
                if value.is_some() {
                    out.push(format!("{} should not exist", field.name));
                }
                continue;
            }
            Presence::Flagged(_) if absent => continue,
            _ => {}
        }
        // A property's own messages come before its nested objects' (class-validator's
        // `constraints` before its `children`), whatever the order of its rules.
        let mut children = Vec::new();
        for rule in field.rules {
            check(rule, field.name, value, fields, flags, out, &mut children);
        }
        out.append(&mut children);
    }
}

/// Checks one rule, pushing its message(s) when it fails.
fn check(
    rule: &Rule,
    name: &str,
    value: Option<&Value>,
    object: &Map<String, Value>,
    flags: FeatureFlags,
    out: &mut Vec<String>,
    children: &mut Vec<String>,
) {
    match rule {
        Rule::Nested(class) => nested(class, name, "", value, flags, children),
        Rule::EachNested(class) => nested(class, name, "each value in ", value, flags, children),
        Rule::Message(inner, message) => {
            if !passes(inner, value, object) {
                out.push(message.replace("$property", name));
            }
        }
        Rule::Custom { check, message, .. } => {
            if !check(value, object) {
                out.push(message.replace("$property", name));
            }
        }
        rule => {
            if !passes(rule, value, object) {
                out.push(message(rule, name));
            }
        }
    }
}

/// A nested object, or an array of them: each object's own failures (its unknown properties,
/// then its rules), in index order; a value or item that is no object "must be either object
/// or array". All of these follow the property's own messages.
fn nested(
    class: &Class,
    name: &str,
    each: &str,
    value: Option<&Value>,
    flags: FeatureFlags,
    children: &mut Vec<String>,
) {
    match value {
        Some(Value::Object(fields)) => self::class(class, fields, flags, children),
        Some(Value::Array(items)) => {
            // Each item is its own child error, in index order.
            for item in items {
                match item {
                    Value::Object(fields) => self::class(class, fields, flags, children),
                    _ => children.push(format!(
                        "{each}nested property {name} must be either object or array"
                    )),
                }
            }
        }
        // class-validator skips an absent nested property (its other rules may not).
        None => {}
        // Checked after the property's other rules, whatever their order.
        _ => children.push(format!(
            "{each}nested property {name} must be either object or array"
        )),
    }
}

/// Whether a value satisfies a rule that reports one message.
fn passes(rule: &Rule, value: Option<&Value>, object: &Map<String, Value>) -> bool {
    match rule {
        Rule::Custom { check, .. } => return check(value, object),
        Rule::Message(inner, _) => return passes(inner, value, object),
        _ => {}
    }
    let Some(value) = value else {
        // Only "not empty"-like rules could pass on nothing; none does.
        return false;
    };
    match rule {
        Rule::String => value.is_string(),
        Rule::Number => value.is_number(),
        Rule::Int => value.as_f64().is_some_and(|n| n.fract() == 0.0),
        Rule::Boolean => value.is_boolean(),
        Rule::Object => value.is_object(),
        Rule::Array => value.is_array(),
        Rule::Email => value.as_str().is_some_and(|text| text.validate_email()),
        Rule::Url => value.as_str().is_some_and(|text| text.validate_url()),
        Rule::NotEmpty => !matches!(value, Value::Null) && value.as_str() != Some(""),
        Rule::ArrayNotEmpty => value.as_array().is_some_and(|items| !items.is_empty()),
        Rule::NotNull => !value.is_null(),
        Rule::Enum(members) => value.as_str().is_some_and(|text| members.contains(&text)),
        Rule::Min(min) => value
            .as_f64()
            .is_some_and(|n| n.validate_range(Some(*min), None, None, None)),
        Rule::Max(max) => value
            .as_f64()
            .is_some_and(|n| n.validate_range(None, Some(*max), None, None)),
        Rule::MinLength(min) => value
            .as_str()
            .is_some_and(|text| text.validate_length(Some(*min), None, None)),
        Rule::MaxLength(max) => value
            .as_str()
            .is_some_and(|text| text.validate_length(None, Some(*max), None)),
        Rule::Each(inner) => match value {
            Value::Array(items) => items.iter().all(|item| passes(inner, Some(item), object)),
            one => passes(inner, Some(one), object),
        },
        // Answered above, or reported by `nested` and never asked here.
        Rule::Message(..) | Rule::Custom { .. } | Rule::Nested(_) | Rule::EachNested(_) => true,
    }
}

/// class-validator's default message of a rule.
fn message(rule: &Rule, name: &str) -> String {
    match rule {
        Rule::String => format!("{name} must be a string"),
        Rule::Number => format!("{name} must be a number conforming to the specified constraints"),
        Rule::Int => format!("{name} must be an integer number"),
        Rule::Boolean => format!("{name} must be a boolean value"),
        Rule::Object => format!("{name} must be an object"),
        Rule::Array => format!("{name} must be an array"),
        Rule::Email => format!("{name} must be an email"),
        Rule::Url => format!("{name} must be a URL address"),
        Rule::NotEmpty | Rule::ArrayNotEmpty => format!("{name} should not be empty"),
        Rule::NotNull => format!("{name} should not be equal to null"),
        Rule::Enum(members) => format!(
            "{name} must be one of the following values: {}",
            members.join(", ")
        ),
        Rule::Min(min) => format!("{name} must not be less than {min}"),
        Rule::Max(max) => format!("{name} must not be greater than {max}"),
        Rule::MinLength(min) => {
            format!("{name} must be longer than or equal to {min} characters")
        }
        Rule::MaxLength(max) => {
            format!("{name} must be shorter than or equal to {max} characters")
        }
        Rule::Each(inner) => format!("each value in {}", message(inner, name)),
        Rule::Message(_, text) | Rule::Custom { message: text, .. } => {
            text.replace("$property", name)
        }
        Rule::Nested(_) | Rule::EachNested(_) => {
            format!("nested property {name} must be either object or array")
        }
    }
}
