//! The shipping methods of orders, swaps, claims and returns, read by one function whatever
//! owns them: each method with its option and its tax lines joined into one statement.

use medusa_core::Result;
use medusa_entity::includes_tax::Table;
use medusa_entity::{shipping_method, shipping_method_tax_line, shipping_option};
use medusa_load::{
    children_with, find, fold_joined, join_many, join_one, joined_one, Connection, Joined,
    Positions, Reader,
};
use medusa_query_dsl::in_insertion_order_of;
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::QueryResult;

use crate::load::{flagged, flat_ids, includes_tax_of, pad, regroup, Needs, TAX_LINE};
use crate::rows::ShippingMethodRows;

/// The alias of the shipping option joined into the methods' statement.
const OPTION: &str = "joined_shipping_option";

/// Shipping methods whose `owner` column names one of `parents`, at `path`.
pub(crate) async fn shipping_methods<C: Connection>(
    reader: &mut Reader<'_, C>,
    owner: shipping_method::Column,
    parents: &[String],
    path: &str,
    needs: &Needs<'_>,
) -> Result<Vec<Vec<ShippingMethodRows>>> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    // The option and the tax lines, when asked for, are joined into the methods' statement.
    let with_option = needs.has(&format!("{path}.shipping_option"));
    let with_tax_lines = needs.has(&format!("{path}.tax_lines"));
    let option = shipping_option::Column::Id;
    let line_owner = shipping_method_tax_line::Column::ShippingMethodId;
    let backend = reader.backend();
    let joined = Joined::new(
        |select: &mut SelectStatement| {
            let method = |column| Expr::col((shipping_method::Entity, column));
            if with_option {
                let key = method(shipping_method::Column::ShippingOptionId).into();
                join_one::<shipping_option::Entity>(select, backend, OPTION, option, key, true);
            }
            if with_tax_lines {
                let key = method(shipping_method::Column::Id).into();
                join_many::<shipping_method_tax_line::Entity>(
                    select, backend, TAX_LINE, line_owner, key,
                );
            }
        },
        |row: &QueryResult, at: &Positions| {
            let shipping_option = with_option
                .then(|| joined_one::<shipping_option::Entity>(row, at, OPTION, option))
                .transpose()?;
            let tax_line = with_tax_lines
                .then(|| {
                    joined_one::<shipping_method_tax_line::Entity>(row, at, TAX_LINE, line_owner)
                })
                .transpose()?
                .flatten();
            Ok((shipping_option, tax_line))
        },
    );
    // Physical order of the methods' own table: the statement joins others.
    let select = in_insertion_order_of(
        find::<shipping_method::Entity>(backend),
        backend,
        "shipping_method",
    );
    let groups = children_with(reader, select, owner, parents, joined)
        .await?
        .into_groups()
        .into_iter()
        .map(|rows| {
            let rows = rows
                .into_iter()
                .map(|(method, (option, line))| ((method, option), line));
            fold_joined(rows, |(a, _), (b, _)| a.id == b.id)
        });
    let groups = pad(groups.collect(), parents.len());
    let ids = flat_ids(&groups, |((m, _), _): &((shipping_method::Model, _), _)| {
        &m.id
    });
    let includes_tax = includes_tax_of(reader, needs, Table::ShippingMethod, &ids).await?;
    let mut option_ids: Vec<String> = groups
        .iter()
        .flatten()
        .filter_map(|((_, option), _)| {
            option
                .as_ref()
                .and_then(|o| o.as_ref().map(|o| o.id.clone()))
        })
        .collect();
    option_ids.sort_unstable();
    option_ids.dedup();
    let option_includes_tax =
        includes_tax_of(reader, needs, Table::ShippingOption, &option_ids).await?;
    regroup(groups, |_, ((method, shipping_option), tax_lines)| {
        Ok(ShippingMethodRows {
            includes_tax: flagged(includes_tax.as_ref(), &method.id),
            option_includes_tax: flagged(option_includes_tax.as_ref(), &method.shipping_option_id),
            tax_lines: with_tax_lines.then_some(tax_lines),
            shipping_option,
            method,
        })
    })
}
