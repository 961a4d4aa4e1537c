//! Filters and free-text search turned into sea-query expressions. Column names come from the
//! spec; every request value is a bound parameter.

use sea_orm::sea_query::extension::postgres::PgExpr;
use sea_orm::sea_query::{Alias, Condition, Expr, LikeExpr, SimpleExpr};
use sea_orm::{DbBackend, Value};

use crate::error::QueryError;
use crate::raw::RawValue;
use crate::spec::{Column, FieldKind, FilterSpec};
use crate::value::typed;

/// A filter operator, in either dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    In,
    Nin,
    Lt,
    Gt,
    Lte,
    Gte,
    Like,
    ILike,
    Contains,
    StartsWith,
    EndsWith,
}

impl Op {
    fn from_key(key: &str) -> Option<Op> {
        Some(match key {
            "lt" | "$lt" => Op::Lt,
            "gt" | "$gt" => Op::Gt,
            "lte" | "$lte" => Op::Lte,
            "gte" | "$gte" => Op::Gte,
            "$eq" => Op::Eq,
            "$ne" => Op::Ne,
            "$in" => Op::In,
            "$nin" => Op::Nin,
            "$like" => Op::Like,
            "$ilike" => Op::ILike,
            "contains" => Op::Contains,
            "starts_with" => Op::StartsWith,
            "ends_with" => Op::EndsWith,
            _ => return None,
        })
    }

    fn allowed_by(self, spec: &FilterSpec) -> bool {
        let forms = spec.forms;
        match self {
            Op::Eq | Op::Ne => forms.value || forms.list || forms.range,
            Op::In | Op::Nin => forms.list,
            Op::Lt | Op::Gt | Op::Lte | Op::Gte => forms.range,
            Op::Like | Op::ILike | Op::Contains | Op::StartsWith | Op::EndsWith => {
                forms.pattern && spec.kind == FieldKind::Text
            }
        }
    }
}

/// The SQL expression of a spec column, qualified with its table.
pub(crate) fn column_expr(column: &Column, own_table: &str) -> SimpleExpr {
    let table = column.table.unwrap_or(own_table);
    let col = Expr::col((Alias::new(table), Alias::new(column.name)));
    if column.as_text {
        col.cast_as(Alias::new("text"))
    } else {
        col.into()
    }
}

/// Builds the condition of one filter parameter.
pub(crate) fn filter_condition(
    spec: &FilterSpec,
    value: &RawValue,
    own_table: &str,
    backend: DbBackend,
) -> Result<Condition, Vec<QueryError>> {
    let param = spec.param;
    let target = Target {
        spec,
        column: column_expr(&spec.column, own_table),
        backend,
    };
    let forms = spec.forms;
    match value {
        RawValue::Text(_) if forms.value => single(target.compare(param, Op::Eq, value)),
        RawValue::Text(_) | RawValue::List(_) if forms.list => {
            single(target.compare(param, Op::In, value))
        }
        RawValue::List(_) if forms.value => Err(vec![QueryError::NotAString(param.to_owned())]),
        RawValue::Text(_) | RawValue::List(_) => {
            Err(vec![QueryError::NotAnObject(param.to_owned())])
        }
        RawValue::Map(members) => {
            let mut condition = Condition::all();
            let mut errors = Vec::new();
            for (key, operand) in members {
                let name = format!("{param}[{key}]");
                match Op::from_key(key).filter(|op| op.allowed_by(spec)) {
                    Some(op) => match target.compare(&name, op, operand) {
                        Ok(expr) => condition = condition.add(expr),
                        Err(e) => errors.push(e),
                    },
                    None => errors.push(QueryError::UnknownParameter(name)),
                }
            }
            if errors.is_empty() {
                Ok(condition)
            } else {
                Err(errors)
            }
        }
    }
}

fn single(result: Result<SimpleExpr, QueryError>) -> Result<Condition, Vec<QueryError>> {
    result
        .map(|expr| Condition::all().add(expr))
        .map_err(|err| vec![err])
}

/// The items of an `IN` operand: an array, or a comma list; a one-element array is split on
/// commas as Medusa's `normalizeQuery` does (`a[]=x,y`).
pub(crate) fn list_items<'v>(
    name: &str,
    operand: &'v RawValue,
) -> Result<Vec<&'v str>, QueryError> {
    let texts = match operand {
        RawValue::Text(text) => vec![text.as_str()],
        RawValue::List(items) => items
            .iter()
            .map(|item| {
                item.as_text()
                    .ok_or_else(|| QueryError::NotAString(name.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?,
        RawValue::Map(_) => return Err(QueryError::NotAString(name.to_owned())),
    };
    Ok(match texts.as_slice() {
        [single] => single.split(',').collect(),
        _ => texts,
    })
}

/// Escapes LIKE wildcards so user text matches literally (with `ESCAPE '\\'`).
pub(crate) fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A `LIKE` match of a column against a pattern. `escaped` patterns came through
/// [`escape_like`]: PostgreSQL's default escape character is already the backslash, SQLite needs
/// an `ESCAPE` clause. Case-insensitive matching is `ILIKE` on PostgreSQL; SQLite's `LIKE`
/// already ignores ASCII case.
pub(crate) fn like(
    column: SimpleExpr,
    pattern: String,
    case_insensitive: bool,
    escaped: bool,
    backend: DbBackend,
) -> SimpleExpr {
    match backend {
        DbBackend::Postgres if case_insensitive => column.ilike(LikeExpr::new(pattern)),
        DbBackend::Postgres => Expr::expr(column).like(LikeExpr::new(pattern)),
        _ if escaped => Expr::expr(column).like(LikeExpr::new(pattern).escape('\\')),
        _ => Expr::expr(column).like(LikeExpr::new(pattern)),
    }
}

/// A filter's column and how values for it are read.
struct Target<'a> {
    spec: &'a FilterSpec,
    column: SimpleExpr,
    backend: DbBackend,
}

impl Target<'_> {
    fn compare(&self, name: &str, op: Op, operand: &RawValue) -> Result<SimpleExpr, QueryError> {
        let column = || Expr::expr(self.column.clone());
        if matches!(op, Op::In | Op::Nin) {
            let values = list_items(name, operand)?
                .into_iter()
                .map(|text| self.bind(name, text, true))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(match op {
                Op::In => column().is_in(values),
                _ => column().is_not_in(values),
            });
        }
        let text = operand
            .as_text()
            .ok_or_else(|| QueryError::NotAString(name.to_owned()))?;
        let column_like = |pattern: String, case_insensitive: bool, escaped: bool| {
            like(
                self.column.clone(),
                pattern,
                case_insensitive,
                escaped,
                self.backend,
            )
        };
        Ok(match op {
            Op::Eq => column().eq(self.bind(name, text, false)?),
            Op::Ne => column().ne(self.bind(name, text, false)?),
            Op::Lt => column().lt(self.bind(name, text, false)?),
            Op::Gt => column().gt(self.bind(name, text, false)?),
            Op::Lte => column().lte(self.bind(name, text, false)?),
            Op::Gte => column().gte(self.bind(name, text, false)?),
            Op::Like => column_like(text.to_owned(), false, false),
            Op::ILike => column_like(text.to_owned(), true, false),
            Op::Contains => column_like(format!("%{}%", escape_like(text)), true, true),
            Op::StartsWith => column_like(format!("{}%", escape_like(text)), true, true),
            Op::EndsWith => column_like(format!("%{}", escape_like(text)), true, true),
            Op::In | Op::Nin => return Err(QueryError::NotAString(name.to_owned())),
        })
    }

    /// A typed, bound value; enum members are cast to the column's PostgreSQL type (the cast
    /// is not rendered for SQLite).
    fn bind(&self, name: &str, text: &str, in_list: bool) -> Result<SimpleExpr, QueryError> {
        let value: Value = typed(name, self.spec.kind, text, in_list)?;
        Ok(match self.spec.kind {
            FieldKind::Enum { type_name, .. } => Expr::val(value).as_enum(Alias::new(type_name)),
            _ => Expr::val(value).into(),
        })
    }
}
