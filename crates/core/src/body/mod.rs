//! Reading a JSON request body the way Medusa's class-validator pipeline does, so that a bad
//! body gets Medusa's exact message: unknown properties first ("property foo should not
//! exist"), then each declared property's failures in the order the request class declares
//! them, all joined with ", ".
//!
//! A request class is declared once, as data ([`Class`] of [`Field`]s, each with its
//! [`Rule`]s), so the same declaration gives the known keys, the messages, the typed values
//! ([`Body`]) and could later give the body's JSON Schema. The rules call `validator`'s
//! functions (email, URL) as their primitives.
//!
//! Unknown properties are reported in key order (a JSON map here keeps no insertion order),
//! which differs from Medusa's only when a body has several.

mod check;
pub mod declare;
mod read;

pub use declare::{read_with, Declared, Read, Scalar};
pub use read::Body;

use crate::{Error, FeatureFlags, Flag, Result};
use serde_json::{Map, Value};

/// A request class: its properties in declaration order.
#[derive(Debug)]
pub struct Class {
    pub fields: &'static [Field],
}

/// One declared property.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub presence: Presence,
    /// Checked in this order, which is the order their messages come out in (class-validator
    /// reports a property's decorators bottom-up, so this is often the reverse of the source).
    pub rules: &'static [Rule],
}

/// Whether the rules run when the property is absent or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// No `@IsOptional()`: the rules run on an absent or `null` value too.
    Required,
    /// `@IsOptional()`: absent or `null` skips every rule.
    Optional,
    /// `@ValidateIf((o) => o.x !== undefined)`, or a class default: absent skips every rule,
    /// `null` does not.
    Defined,
    /// Behind a feature flag (Medusa's `FeatureFlagDecorators`): optional with the flag on,
    /// otherwise any value, `null` included, "should not exist".
    Flagged(Flag),
}

/// A class-validator decorator. The message of each is class-validator's own, unless wrapped
/// in [`Rule::Message`].
#[derive(Debug)]
pub enum Rule {
    /// `@IsString()`
    String,
    /// `@IsNumber()`
    Number,
    /// `@IsInt()`
    Int,
    /// `@IsBoolean()`
    Boolean,
    /// `@IsObject()`
    Object,
    /// `@IsArray()`
    Array,
    /// `@IsEmail()`
    Email,
    /// `@IsUrl()`
    Url,
    /// `@IsNotEmpty()`: not `""`, `null` or absent.
    NotEmpty,
    /// `@ArrayNotEmpty()`
    ArrayNotEmpty,
    /// `@NotEquals(null)`
    NotNull,
    /// `@IsEnum()`: one of these strings.
    Enum(&'static [&'static str]),
    /// `@Min(n)`
    Min(f64),
    /// `@Max(n)`
    Max(f64),
    /// `@MinLength(n)` of a string.
    MinLength(u64),
    /// `@MaxLength(n)` of a string.
    MaxLength(u64),
    /// The rule with `{ each: true }`: every item of an array (a non-array is one value).
    Each(&'static Rule),
    /// `@ValidateNested() @Type(() => Class)` on an object.
    Nested(&'static Class),
    /// `@ValidateNested({ each: true }) @Type(() => Class)` on an array of objects.
    EachNested(&'static Class),
    /// A rule with Medusa's own message; `$property` stands for the property's name.
    Message(&'static Rule, &'static str),
    /// A rule of Medusa's own (`@Validate(...)`, a transform that can fail): `check` sees the
    /// value (`None` when absent) and the whole object; `message` as in [`Rule::Message`].
    Custom {
        name: &'static str,
        check: fn(Option<&Value>, &Map<String, Value>) -> bool,
        message: &'static str,
    },
}

/// The items of an array must be strings, for id lists Medusa declares with `@IsArray()` alone
/// (its service would fail later on anything else); absent and non-arrays pass.
pub const STRING_ITEMS: Rule = Rule::Custom {
    name: "string_items",
    check: |value, _| {
        value
            .and_then(Value::as_array)
            .is_none_or(|items| items.iter().all(Value::is_string))
    },
    message: "each value in $property must be a string",
};

impl Field {
    pub const fn required(name: &'static str, rules: &'static [Rule]) -> Self {
        Self {
            name,
            presence: Presence::Required,
            rules,
        }
    }

    pub const fn optional(name: &'static str, rules: &'static [Rule]) -> Self {
        Self {
            name,
            presence: Presence::Optional,
            rules,
        }
    }

    pub const fn defined(name: &'static str, rules: &'static [Rule]) -> Self {
        Self {
            name,
            presence: Presence::Defined,
            rules,
        }
    }

    pub const fn flagged(name: &'static str, flag: Flag, rules: &'static [Rule]) -> Self {
        Self {
            name,
            presence: Presence::Flagged(flag),
            rules,
        }
    }
}

impl Class {
    pub const fn new(fields: &'static [Field]) -> Self {
        Self { fields }
    }

    /// The accepted property names, in declaration order.
    pub fn known(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|field| field.name)
    }

    /// Reads `body` with Medusa's default feature flags. A body that is not a JSON object is
    /// read as an empty one, as Express hands Medusa `{}` then.
    pub fn read(&self, body: Value) -> Result<Body> {
        self.read_with(body, FeatureFlags::default())
    }

    /// Reads `body`; flagged properties follow `flags`.
    pub fn read_with(&self, body: Value, flags: FeatureFlags) -> Result<Body> {
        let fields = match body {
            Value::Object(fields) => fields,
            _ => Map::new(),
        };
        let messages = self.messages(&fields, flags);
        if messages.is_empty() {
            Ok(Body::new(fields))
        } else {
            Err(Error::invalid_data(messages.join(", ")))
        }
    }

    /// Every failure of `fields`, in Medusa's order.
    pub fn messages(&self, fields: &Map<String, Value>, flags: FeatureFlags) -> Vec<String> {
        let mut out = Vec::new();
        check::class(self, fields, flags, &mut out);
        out
    }
}

#[cfg(test)]
mod tests;
