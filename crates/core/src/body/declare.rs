//! [`request!`](crate::request): a request class and its input type, declared once.
//!
//! Each property is written one time, in Medusa's declaration order, with its Rust type and
//! its rules; the macro gives the [`Class`](super::Class), the input struct and the methods
//! that read a body into it. A property is read by its type ([`Read`]) unless it names its
//! own reader after `=>`. A declared type is itself read by type: as a nested object, and
//! `Vec<T>` as an array of them.
//!
//! ```ignore
//! medusa_core::request! {
//!     /// A new customer group.
//!     #[derive(Debug, Clone, Default, PartialEq)]
//!     pub struct CreateCustomerGroup in CREATE_GROUP {
//!         pub name: String = required[Rule::String],
//!         pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
//!         // checked as Medusa checks it, then not kept:
//!         check "title" = optional[Rule::String],
//!         // a JSON name that is a Rust keyword, and a reader of its own:
//!         pub kind as "type": Option<Kind> = optional[KIND] => |body, name| body.string(name).map(Kind::from),
//!     }
//! }
//! ```
//!
//! `then check_fn` after the braces runs `check_fn(value, &body) -> Result<Self>` once the
//! properties are read, for the rules that span several properties. `in CLASS read with
//! accept_fn` has `accept_fn(&CLASS, body, flags) -> Result<Body>` check the body in place of
//! `CLASS.read_with`, for a class whose body Medusa transforms first or whose messages it
//! rewrites.

use serde_json::{Map, Value};

use super::Body;

/// How a property of a given type is read from an accepted body.
pub trait Read: Sized {
    fn read(body: &Body, name: &str) -> Self;
}

/// A type one JSON value reads as; `None` when absent, `null` or of another type.
pub trait Scalar: Sized {
    fn get(body: &Body, name: &str) -> Option<Self>;
}

impl Scalar for String {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.string(name)
    }
}

impl Scalar for bool {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.boolean(name)
    }
}

impl Scalar for f64 {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.number(name)
    }
}

/// An integral number that fits (`@IsInt()` properties).
impl Scalar for i32 {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.int(name)
    }
}

impl Scalar for Map<String, Value> {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.object(name)
    }
}

/// An array's strings (a lone string is a list of one).
impl Scalar for Vec<String> {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.strings(name)
    }
}

/// Any JSON value but `null`, kept as it came.
impl Scalar for Value {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.value(name).cloned()
    }
}

/// A nested object.
impl Scalar for Body {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.nested(name)
    }
}

/// An array of nested objects.
impl Scalar for Vec<Body> {
    fn get(body: &Body, name: &str) -> Option<Self> {
        body.each(name)
    }
}

/// A type `request!` declared: it reads itself from an accepted nested object.
pub trait Declared: Sized {
    fn from_accepted(body: &Body) -> Self;
}

/// An array of a declared type's objects.
impl<T: Declared> Scalar for Vec<T> {
    fn get(body: &Body, name: &str) -> Option<Self> {
        let items = body.each(name)?;
        Some(items.iter().map(T::from_accepted).collect())
    }
}

/// Absent (or `null`) reads as the type's default.
impl<T: Scalar + Default> Read for T {
    fn read(body: &Body, name: &str) -> Self {
        T::get(body, name).unwrap_or_default()
    }
}

impl<T: Scalar> Read for Option<T> {
    fn read(body: &Body, name: &str) -> Self {
        T::get(body, name)
    }
}

/// A [`Patch`](crate::patch::Patch): `Some(None)` for `null`, `None` when absent.
impl<T: Scalar> Read for Option<Option<T>> {
    fn read(body: &Body, name: &str) -> Self {
        body.patch(name, T::get)
    }
}

/// Calls a property's own reader; a closure given here has its argument types inferred.
pub fn read_with<T>(read: impl FnOnce(&Body, &str) -> T, body: &Body, name: &str) -> T {
    read(body, name)
}

/// Declares a request class and its input type at once; see [`body::declare`](crate::body::declare).
#[macro_export]
macro_rules! request {
    (
        $(#[$attr:meta])*
        $vis:vis struct $name:ident in $class:ident $(read with $reader:path)?
        { $($fields:tt)* } $(then $hook:path)?
    ) => {
        $crate::request!(@field [$(#[$attr])* $vis $name $class [$($reader)?] [$($hook)?]]
            [] [] [] $($fields)*);
    };

    // A property that is checked and then not kept.
    (@field $head:tt [$($class:tt)*] [$($struct:tt)*] [$($reads:tt)*]
        check $json:literal = $presence:ident $(($flag:expr))? [$($rule:expr),* $(,)?]
        $(, $($rest:tt)*)?) => {
        $crate::request!(@field $head
            [$($class)* $crate::body::Field::$presence($json, $($flag,)? &[$($rule),*]),]
            [$($struct)*] [$($reads)*] $($($rest)*)?);
    };

    // A property kept in the input type.
    (@field $head:tt [$($class:tt)*] [$($struct:tt)*] [$($reads:tt)*]
        $(#[$field_attr:meta])* $field_vis:vis $field:ident $(as $json:literal)? : $type:ty
        = $presence:ident $(($flag:expr))? [$($rule:expr),* $(,)?] $(=> $read:expr)?
        $(, $($rest:tt)*)?) => {
        $crate::request!(@field $head
            [$($class)* $crate::body::Field::$presence(
                $crate::request!(@json $field $($json)?), $($flag,)? &[$($rule),*]),]
            [$($struct)* $(#[$field_attr])* $field_vis $field: $type,]
            [$($reads)* ($field, $crate::request!(@json $field $($json)?), $type $(, $read)?)]
            $($($rest)*)?);
    };

    // Every property is read: the class, the type and its readers.
    (@field [$(#[$attr:meta])* $vis:vis $name:ident $class_name:ident [$($reader:path)?]
        [$($hook:path)?]]
        [$($class:tt)*] [$($struct:tt)*]
        [$(($field:ident, $json:expr, $type:ty $(, $read:expr)?))*]) => {
        pub(crate) static $class_name: $crate::body::Class = $crate::body::Class::new(&[$($class)*]);

        $(#[$attr])*
        $vis struct $name { $($struct)* }

        impl $name {
            /// Reads a body with Medusa's default feature flags.
            pub fn from_body(body: ::serde_json::Value) -> $crate::Result<Self> {
                Self::from_body_with(body, $crate::FeatureFlags::default())
            }

            /// Reads a body; flagged properties follow `flags`.
            pub fn from_body_with(
                body: ::serde_json::Value,
                flags: $crate::FeatureFlags,
            ) -> $crate::Result<Self> {
                let body = $crate::request!(@accept $class_name, body, flags $(, $reader)?)?;
                let value = Self::from_accepted(&body);
                $(let value = $hook(value, &body)?;)?
                Ok(value)
            }

            /// The input of a body (or nested object) its class has accepted.
            pub fn from_accepted(body: &$crate::body::Body) -> Self {
                // `body` is named here, in the expansion that declares it (macro hygiene).
                Self { $($field: $crate::request!(@read body, $json, $type $(, $read)?),)* }
            }
        }

        impl $crate::body::Declared for $name {
            fn from_accepted(body: &$crate::body::Body) -> Self {
                Self::from_accepted(body)
            }
        }

        /// A nested object of this class.
        impl $crate::body::Scalar for $name {
            fn get(body: &$crate::body::Body, name: &str) -> Option<Self> {
                body.nested(name).map(|nested| Self::from_accepted(&nested))
            }
        }
    };

    (@accept $class:ident, $body:ident, $flags:ident) => { $class.read_with($body, $flags) };
    (@accept $class:ident, $body:ident, $flags:ident, $reader:path) => {
        $reader(&$class, $body, $flags)
    };

    (@json $field:ident) => { stringify!($field) };
    (@json $field:ident $json:literal) => { $json };

    (@read $body:ident, $json:expr, $type:ty) => {
        <$type as $crate::body::Read>::read($body, $json)
    };
    (@read $body:ident, $json:expr, $type:ty, $read:expr) => {
        $crate::body::read_with($read, $body, $json)
    };
}
