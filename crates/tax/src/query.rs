//! How `/admin/tax-rates` reads its query string. The common grammar (`medusa-query-dsl`)
//! handles pagination, order, `q`, `region_id` and the dates; this module adds what only this
//! route has: `fields[]`/`expand[]` as arrays (a plain string is refused, as Medusa's
//! `@IsArray` does), the virtual count fields, a numeric `rate` filter, and `name`/`code`
//! filters that an empty value switches off (Medusa drops falsy filters).

use medusa_core::{Error, Result};
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, QueryError, RawQuery, RawValue,
    ResourceSpec, NEWEST_FIRST,
};
use sea_orm::sea_query::{Alias, Condition, Expr, SimpleExpr};
use sea_orm::DbBackend;

/// `GET /admin/tax-rates`: Medusa's `AdminGetTaxRatesParams`.
pub static TAX_RATE_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(50)),
    default_order: NEWEST_FIRST,
    sortable: DEFAULT_FIELDS,
    filters: &[
        FilterSpec::value("region_id", FieldKind::Text).list(),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
    ],
    searchable: &[Column::own("name")],
    passthrough: &["fields", "expand", "name", "code", "rate"],
    ..ResourceSpec::new("tax_rates", "tax_rate")
};

/// Retrieve and write routes take only `fields[]` and `expand[]`.
const RETRIEVE_PARAMS: &[&str] = &["fields", "expand"];

/// Columns a client may select, `metadata` last.
pub const TAX_RATE_COLUMNS: &[&str] = &[
    "id",
    "rate",
    "code",
    "name",
    "region_id",
    "created_at",
    "updated_at",
    "metadata",
];

/// Medusa's `defaultAdminTaxRatesFields`, also the columns `order` may name: every column but
/// `metadata` (the last of [`TAX_RATE_COLUMNS`]).
const DEFAULT_FIELDS: &[&str] = match TAX_RATE_COLUMNS.split_last() {
    Some((_metadata, columns)) => columns,
    None => &[],
};

/// A field of a tax rate answer: a column or one of the link counts.
pub type TaxRateField = &'static str;

/// Link counts computed on request (`fields[]=product_count`).
pub const TAX_RATE_COUNTS: &[&str] = &[
    "product_count",
    "product_type_count",
    "shipping_option_count",
];

/// A relation `expand[]` may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxRateRelation {
    Products,
    ProductTypes,
    ShippingOptions,
    Region,
}

impl TaxRateRelation {
    pub fn name(self) -> &'static str {
        match self {
            Self::Products => "products",
            Self::ProductTypes => "product_types",
            Self::ShippingOptions => "shipping_options",
            Self::Region => "region",
        }
    }

    fn parse(name: &str) -> Option<Self> {
        [
            Self::Products,
            Self::ProductTypes,
            Self::ShippingOptions,
            Self::Region,
        ]
        .into_iter()
        .find(|r| r.name() == name)
    }
}

/// Which fields and relations a tax rate answer carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxRateSelection {
    pub fields: Vec<TaxRateField>,
    pub relations: Vec<TaxRateRelation>,
}

impl Default for TaxRateSelection {
    fn default() -> Self {
        Self {
            fields: DEFAULT_FIELDS.to_vec(),
            relations: Vec::new(),
        }
    }
}

impl TaxRateSelection {
    pub fn has_field(&self, field: &str) -> bool {
        self.fields.contains(&field)
    }

    pub fn has_relation(&self, relation: TaxRateRelation) -> bool {
        self.relations.contains(&relation)
    }

    /// Reads `fields[]` and `expand[]`. A list also always returns `created_at` (Medusa sorts
    /// by it); every answer returns `id`.
    pub fn from_query(query: &RawQuery, is_list: bool) -> Result<Self> {
        let mut errors = Vec::new();
        let mut invalid = Vec::new();
        let mut selection = Self::default();
        if let Some(names) = array_param(query, "fields", &mut errors) {
            let mut fields: Vec<TaxRateField> = Vec::new();
            let mut wanted: Vec<&str> = names;
            if is_list {
                wanted.push("created_at");
            }
            wanted.push("id");
            for name in wanted {
                let known = TAX_RATE_COLUMNS
                    .iter()
                    .chain(TAX_RATE_COUNTS)
                    .find(|f| **f == name);
                match known {
                    Some(field) if !fields.contains(field) => fields.push(field),
                    Some(_) => {}
                    None => invalid.push(name.to_owned()),
                }
            }
            selection.fields = fields;
        }
        if let Some(names) = array_param(query, "expand", &mut errors) {
            let mut relations = Vec::new();
            for name in names {
                match TaxRateRelation::parse(name) {
                    Some(relation) if !relations.contains(&relation) => relations.push(relation),
                    Some(_) => {}
                    None => invalid.push(name.to_owned()),
                }
            }
            selection.relations = relations;
        }
        if !invalid.is_empty() {
            errors.push(QueryError::InvalidFields(invalid).to_string());
        }
        refuse(errors)?;
        Ok(selection)
    }

    /// For `GET /admin/tax-rates/{id}` and the write routes: only `fields[]` and `expand[]`.
    pub fn for_retrieve(query: &RawQuery) -> Result<Self> {
        let mut errors = Vec::new();
        for (name, _) in query.params() {
            if !RETRIEVE_PARAMS.contains(&name) {
                errors.push(QueryError::UnknownParameter(name.to_owned()).to_string());
            }
        }
        refuse(errors)?;
        Self::from_query(query, false)
    }
}

/// One `invalid_data` error carrying every problem, joined as Medusa joins them.
fn refuse(errors: Vec<String>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid_data(errors.join(", ")))
    }
}

/// The non-empty entries of an array parameter; a string or object is `<name> must be an array`.
fn array_param<'q>(
    query: &'q RawQuery,
    name: &str,
    errors: &mut Vec<String>,
) -> Option<Vec<&'q str>> {
    match query.get(name)? {
        RawValue::List(items) => {
            let mut names = Vec::new();
            for item in items {
                match item.as_text() {
                    Some("") => {}
                    Some(text) => names.push(text),
                    None => {
                        errors.push(QueryError::NotAString(name.to_owned()).to_string());
                        return None;
                    }
                }
            }
            Some(names)
        }
        _ => {
            errors.push(format!("{name} must be an array"));
            None
        }
    }
}

/// Plans `GET /admin/tax-rates`: the common grammar plus this route's own filters.
pub fn plan_list(query: &RawQuery, backend: DbBackend) -> Result<(ListPlan, TaxRateSelection)> {
    let mut plan = medusa_query_dsl::plan(&TAX_RATE_LIST, query, backend)?;
    let selection = TaxRateSelection::from_query(query, true)?;
    let mut condition = Condition::all();
    // With `q`, Medusa replaces the `name` filter by the search.
    let q_given = plan.search.is_some();
    for param in ["name", "code"] {
        if param == "name" && q_given {
            continue;
        }
        match query.get(param) {
            None => {}
            Some(RawValue::Text(text)) if text.is_empty() => {}
            Some(RawValue::Text(text)) => {
                condition = condition.add(column(param).eq(text.as_str()));
            }
            Some(_) => return Err(QueryError::NotAString(param.to_owned()).into()),
        }
    }
    if let Some(rate) = query.get("rate") {
        condition = condition.add(rate_condition(rate, backend)?);
    }
    plan.condition = plan.condition.add(condition);
    Ok((plan, selection))
}

fn column(name: &'static str) -> Expr {
    Expr::col((Alias::new("tax_rate"), Alias::new(name)))
}

const RATE_MESSAGE: &str = "rate must be one of: NumericalComparisonOperator,Number";

/// `rate=12.5` or `rate[lt]=…&rate[gte]=…` (Medusa's `NumericalComparisonOperator`).
fn rate_condition(value: &RawValue, backend: DbBackend) -> Result<Condition> {
    let number = |text: &str| -> Result<SimpleExpr> {
        let parsed: f64 = text
            .trim()
            .parse()
            .ok()
            .filter(|n: &f64| n.is_finite())
            .ok_or_else(|| Error::invalid_data(RATE_MESSAGE))?;
        Ok(rate_value(parsed, backend))
    };
    match value {
        RawValue::Text(text) => Ok(Condition::all().add(column("rate").eq(number(text)?))),
        RawValue::Map(members) => {
            let mut condition = Condition::all();
            for (op, member) in members {
                let text = member
                    .as_text()
                    .ok_or_else(|| Error::invalid_data(RATE_MESSAGE))?;
                let bound = number(text)?;
                let compared = match op.as_str() {
                    "lt" => column("rate").lt(bound),
                    "gt" => column("rate").gt(bound),
                    "lte" => column("rate").lte(bound),
                    "gte" => column("rate").gte(bound),
                    other => {
                        return Err(QueryError::UnknownParameter(format!("rate[{other}]")).into())
                    }
                };
                condition = condition.add(compared);
            }
            Ok(condition)
        }
        RawValue::List(_) => Err(Error::invalid_data(RATE_MESSAGE)),
    }
}

/// The column is single precision (`real`): compare in single precision, as PostgreSQL does
/// when Medusa binds the number as text, so `rate=0.1` finds a rate stored as 0.1.
fn rate_value(rate: f64, backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::val(rate).cast_as(Alias::new("real")),
        _ => Expr::val(f64::from(rate as f32)).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(query: &str, is_list: bool) -> std::result::Result<TaxRateSelection, String> {
        let raw = medusa_query_dsl::parse(query).map_err(|e| e.to_string())?;
        TaxRateSelection::from_query(&raw, is_list).map_err(|e| e.to_string())
    }

    #[test]
    fn fields_and_expand_are_arrays() {
        assert_eq!(select("", true), Ok(TaxRateSelection::default()));
        assert_eq!(
            select("fields[]=name&fields[]=product_count&expand[]=region", true),
            Ok(TaxRateSelection {
                fields: vec!["name", "product_count", "created_at", "id"],
                relations: vec![TaxRateRelation::Region],
            })
        );
        assert_eq!(
            select("fields[]=name", false).map(|s| s.fields),
            Ok(vec!["name", "id"])
        );
        assert_eq!(
            select("fields=name", true),
            Err("fields must be an array".into())
        );
        assert_eq!(
            select("expand=products&fields[]=nope", true),
            Err("expand must be an array, Requested fields [nope] are not valid".into())
        );
    }

    #[test]
    fn retrieve_takes_only_fields_and_expand() {
        let raw = medusa_query_dsl::parse("limit=1").unwrap_or_default();
        assert_eq!(
            TaxRateSelection::for_retrieve(&raw).map_err(|e| e.to_string()),
            Err("property limit should not exist".into())
        );
    }
}
