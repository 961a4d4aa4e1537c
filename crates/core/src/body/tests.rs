use super::*;
use serde_json::json;

fn message(result: Result<Body>) -> String {
    match result {
        Err(Error::InvalidData(message)) => message,
        other => panic!("expected invalid_data, got {other:?}"),
    }
}

static REGION: Class = Class::new(&[
    Field::required("name", &[Rule::String]),
    Field::optional("currency_code", &[Rule::String]),
    Field::required("tax_rate", &[Rule::Number]),
    Field::required(
        "payment_providers",
        &[Rule::Each(&Rule::String), Rule::Array],
    ),
    Field::required(
        "fulfillment_providers",
        &[Rule::Each(&Rule::String), Rule::Array],
    ),
    Field::flagged("includes_tax", Flag::TaxInclusivePricing, &[Rule::Boolean]),
]);

#[test]
fn reports_like_class_validator_in_declaration_order() {
    assert_eq!(
        message(REGION.read(json!({
            "name": 1, "tax_rate": "x", "payment_providers": [1],
            "fulfillment_providers": "manual", "foo": 1, "includes_tax": null
        }))),
        "property foo should not exist, name must be a string, tax_rate must be a number \
         conforming to the specified constraints, each value in payment_providers must be a \
         string, fulfillment_providers must be an array, includes_tax should not exist"
    );
    assert_eq!(
        message(REGION.read(json!([]))),
        "name must be a string, tax_rate must be a number conforming to the specified \
         constraints, each value in payment_providers must be a string, payment_providers must \
         be an array, each value in fulfillment_providers must be a string, \
         fulfillment_providers must be an array"
    );
    let flags = FeatureFlags::default().with(Flag::TaxInclusivePricing, true);
    let body = REGION
        .read_with(
            json!({"name": "n", "tax_rate": 1.5, "payment_providers": [],
                   "fulfillment_providers": ["manual"], "includes_tax": true}),
            flags,
        )
        .unwrap();
    assert_eq!(body.string("name").as_deref(), Some("n"));
    assert_eq!(body.number("tax_rate"), Some(1.5));
    assert_eq!(
        body.strings("fulfillment_providers"),
        Some(vec!["manual".into()])
    );
    assert_eq!(body.boolean("includes_tax"), Some(true));
    assert_eq!(body.patch("currency_code", Body::string), None);
}

static GROUPS: Class = Class::new(&[Field::optional(
    "groups",
    &[Rule::EachNested(&ITEM), Rule::Array],
)]);

#[test]
fn a_nested_propertys_own_messages_come_first() {
    // As Medusa answers `POST /admin/customers/{id}` with `{"groups": "x"}`.
    assert_eq!(
        message(GROUPS.read(json!({"groups": "x"}))),
        "groups must be an array, each value in nested property groups must be either object \
         or array"
    );
}

static ITEM: Class = Class::new(&[
    Field::optional("id", &[Rule::String]),
    Field::required("amount", &[Rule::Int, Rule::Min(0.0)]),
]);

static ORDER: Class = Class::new(&[
    Field::required("email", &[Rule::Email]),
    Field::optional("site", &[Rule::Url]),
    Field::optional("code", &[Rule::MinLength(2), Rule::MaxLength(3)]),
    Field::optional("kind", &[Rule::Enum(&["a", "b"])]),
    Field::optional("items", &[Rule::Array, Rule::EachNested(&ITEM)]),
    Field::optional("main", &[Rule::Nested(&ITEM)]),
    Field::optional("ids", &[Rule::ArrayNotEmpty]),
    Field::optional(
        "odd",
        &[
            Rule::Message(&Rule::Int, "$property must be odd"),
            Rule::Custom {
                name: "odd",
                check: |value, _| value.and_then(Value::as_i64).is_some_and(|n| n % 2 == 1),
                message: "$property must be odd",
            },
        ],
    ),
]);

#[test]
fn nested_objects_and_rule_primitives() {
    assert_eq!(
        message(ORDER.read(json!({
            "email": "nope", "site": "not a url", "code": "abcd", "kind": "c",
            "items": [{"amount": -1, "x": 1}, 5, {"id": 1, "amount": 1.5}],
            "main": "x", "ids": [], "odd": 2
        }))),
        "email must be an email, site must be a URL address, code must be shorter than or equal \
         to 3 characters, kind must be one of the following values: a, b, property x should not \
         exist, amount must not be less than 0, each value in nested property items must be \
         either object or array, id must be a string, amount must be an integer number, nested \
         property main must be either object or array, ids should not be empty, odd must be odd"
    );
    let body = ORDER
        .read(json!({"email": "a@b.co", "items": [{"amount": 2}], "main": {"amount": 3}}))
        .unwrap();
    let items = body.each("items").unwrap();
    assert_eq!(items[0].int("amount"), Some(2));
    assert_eq!(body.nested("main").and_then(|m| m.int("amount")), Some(3));
    assert_eq!(ORDER.known().next(), Some("email"));
}

mod declared {
    use crate::body::{Body, Class, Rule};
    use crate::patch::Patch;
    use crate::{Error, FeatureFlags, Flag, Result};
    use serde_json::{json, Map, Value};

    fn not_both(value: Group, body: &Body) -> Result<Group> {
        if body.has("nickname") && body.has("alias") {
            return Err(Error::invalid_data("nickname and alias are exclusive"));
        }
        Ok(value)
    }

    crate::request! {
        #[derive(Debug, Default, PartialEq)]
        pub struct Group in GROUP {
            pub name: String = required[Rule::String],
            pub size: Option<i32> = optional[Rule::Int],
            check "title" = optional[Rule::String],
            pub nickname: Patch<String> = optional[Rule::String],
            pub alias: Option<String> = optional[Rule::String],
            pub kind as "type": Option<String> = optional[Rule::Enum(&["a", "b"])]
                => |body, name| body.string(name).map(|kind| kind.to_uppercase()),
            pub tags: Vec<String> = optional[Rule::Each(&Rule::String), Rule::Array],
            pub taxed: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
            pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        } then not_both
    }

    #[test]
    fn one_declaration_gives_the_class_the_type_and_its_reader() {
        let names: Vec<_> = GROUP.known().collect();
        assert_eq!(
            names,
            ["name", "size", "title", "nickname", "alias", "type", "tags", "taxed", "metadata"]
        );
        let group = Group::from_body(json!({
            "name": "n", "size": 3, "title": "dropped", "nickname": null, "type": "a",
            "tags": ["x"], "metadata": {"k": 1}
        }))
        .unwrap();
        assert_eq!(
            group,
            Group {
                name: "n".into(),
                size: Some(3),
                nickname: Some(None),
                alias: None,
                kind: Some("A".into()),
                tags: vec!["x".into()],
                taxed: None,
                metadata: json!({"k": 1}).as_object().cloned(),
            }
        );
        assert_eq!(
            Group::from_body(json!({"name": "n"})).unwrap().nickname,
            None
        );
    }

    #[test]
    fn a_declared_type_answers_with_its_class_messages_and_its_check() {
        let message = |body: Value, flags| match Group::from_body_with(body, flags) {
            Err(Error::InvalidData(message)) => message,
            other => panic!("expected invalid_data, got {other:?}"),
        };
        assert_eq!(
            message(json!({"size": 1.5, "taxed": true}), FeatureFlags::default()),
            "name must be a string, size must be an integer number, taxed should not exist"
        );
        let flags = FeatureFlags::default().with(Flag::TaxInclusivePricing, true);
        assert_eq!(
            Group::from_body_with(json!({"name": "n", "taxed": true}), flags)
                .unwrap()
                .taxed,
            Some(true)
        );
        assert_eq!(
            message(json!({"name": "n", "nickname": "a", "alias": "b"}), flags),
            "nickname and alias are exclusive"
        );
    }

    /// Trims `name` before the class sees it, as a transform ahead of Medusa's validation would.
    fn trimmed(class: &Class, mut body: Value, flags: FeatureFlags) -> Result<Body> {
        if let Some(name) = body.get_mut("name") {
            if let Some(text) = name.as_str() {
                *name = Value::from(text.trim());
            }
        }
        class.read_with(body, flags)
    }

    crate::request! {
        #[derive(Debug, PartialEq)]
        pub struct Trimmed in TRIMMED read with trimmed {
            pub name: String = required[Rule::NotEmpty, Rule::String],
        }
    }

    #[test]
    fn a_class_can_be_read_by_a_function_of_its_own() {
        assert_eq!(
            Trimmed::from_body(json!({"name": " n "})).unwrap().name,
            "n"
        );
        assert!(matches!(
            Trimmed::from_body(json!({"name": "  "})),
            Err(Error::InvalidData(message)) if message == "name should not be empty"
        ));
    }

    crate::request! {
        #[derive(Debug, Default, PartialEq)]
        pub struct Line in LINE {
            pub id: String = required[Rule::String],
        }
    }

    crate::request! {
        #[derive(Debug, PartialEq)]
        pub struct Lines in LINES {
            pub first: Option<Line> = optional[Rule::Nested(&LINE)],
            pub all: Vec<Line> = optional[Rule::EachNested(&LINE), Rule::Array],
            pub some: Option<Vec<Line>> = optional[Rule::EachNested(&LINE), Rule::Array],
            pub ids: Option<Vec<String>> = optional[Rule::EachNested(&LINE)]
                => |body, name| body.ids(name),
        }
    }

    #[test]
    fn declared_types_read_as_nested_objects_and_arrays() {
        let line = |id: &str| Line { id: id.into() };
        assert_eq!(
            Lines::from_body(
                json!({"first": {"id": "a"}, "all": [{"id": "b"}], "ids": [{"id": "c"}]})
            )
            .unwrap(),
            Lines {
                first: Some(line("a")),
                all: vec![line("b")],
                some: None,
                ids: Some(vec!["c".into()]),
            }
        );
        assert_eq!(
            Lines::from_body(json!({"some": []})).unwrap().some,
            Some(vec![])
        );
        assert_eq!(Lines::from_body(json!({})).unwrap().all, vec![]);
        assert_eq!(Line::from_body(json!({"id": "d"})).unwrap(), line("d"));
    }
}
