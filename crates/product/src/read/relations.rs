//! The relations of a product read, one select-in statement per relation level for the whole
//! page: variants, options and their shared option values, prices, types, collections, and
//! the link tables (images, tags, profiles, sales channels, categories) read joined with their
//! targets.

use super::*;
use medusa_core::positional::FromColumns;

/// The prices of these variants, each under the variant its link names, read joined with the
/// links in one statement (a price has at most one link: `money_amount_id` is unique there).
pub(crate) async fn price_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    variant_ids: &[String],
    mode: PriceMode,
) -> Result<Related> {
    let conn = reader.conn();
    let mut select = money_amount::Entity::find().into_query();
    select
        .expr_as(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::VariantId,
            )),
            Alias::new(LINK_OWNER),
        )
        .inner_join(
            product_variant_money_amount::Entity,
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::MoneyAmountId,
            ))
            .equals((money_amount::Entity, money_amount::Column::Id)),
        )
        .and_where(key_in(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::VariantId,
            )),
            variant_ids.to_vec(),
            conn.get_database_backend(),
        ))
        .and_where(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::DeletedAt,
            ))
            .is_null(),
        )
        .and_where(Expr::col((money_amount::Entity, money_amount::Column::DeletedAt)).is_null());
    if mode == PriceMode::Decorated {
        select.and_where(
            Expr::col((money_amount::Entity, money_amount::Column::PriceListId)).is_null(),
        );
    }
    let fetched = reader
        .fetch::<money_amount::Entity>(&select, Some(LINK_OWNER))
        .await?;
    let mut level = Level::fetched(fetched);
    if mode == PriceMode::Decorated {
        level.extras.push(("price_list", Extra::Null));
        level.extras.push(("variant_id", Extra::LinkOwner));
    }
    Ok(Related::Many(Arc::new(level), LINK_OWNER, ChildOrder::Id))
}

/// Fills the relations below a level of variants (`prices`, `options`, `product`,
/// `inventory_items`); `values`
/// are the option values loaded for the page, when `options` is selected.
pub(crate) async fn variant_relations<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    variants: &mut Level,
    nodes: &[RelationNode],
    mode: PriceMode,
    values: Option<&Arc<Level>>,
) -> Result<()> {
    let ids = variants.strings("id");
    for node in nodes {
        match node.name {
            "prices" => {
                let prices = price_level(reader, &ids, mode).await?;
                variants.attach("prices", prices);
            }
            "options" => {
                let values = match values {
                    Some(values) => Arc::clone(values),
                    None => Arc::new(OptionValues::of_variants(&ids).load(reader).await?),
                };
                variants.attach(
                    "options",
                    Related::Many(values, "variant_id", ChildOrder::Id),
                );
            }
            "product" => {
                let products = live_rows::<product::Entity, _>(
                    reader,
                    product::Column::Id,
                    product::Column::DeletedAt,
                    distinct(variants.strings("product_id")),
                )
                .await?;
                variants.attach("product", Related::One(products, "product_id"));
            }
            // The variant's item links (`product_variant_inventory_item`), a core table.
            "inventory_items" => {
                let links = live_rows::<product_variant_inventory_item::Entity, _>(
                    reader,
                    product_variant_inventory_item::Column::VariantId,
                    product_variant_inventory_item::Column::DeletedAt,
                    ids.clone(),
                )
                .await?;
                variants.attach(
                    "inventory_items",
                    Related::Many(Arc::new(links), "variant_id", ChildOrder::Id),
                );
            }
            _ => {}
        }
    }
    Ok(())
}

/// Which option values a page needs: those of its variants (`variants.options`) and those of
/// its options (`options.values`), read in one statement when both are selected. Mostly the
/// same rows; each relation then groups the rows by its own key and finds only its own.
#[derive(Default)]
pub(crate) struct OptionValues {
    pub(crate) variant_ids: Option<Vec<String>>,
    pub(crate) option_ids: Option<Vec<String>>,
}

impl OptionValues {
    pub(crate) fn of_variants(ids: &[String]) -> Self {
        Self {
            variant_ids: Some(ids.to_vec()),
            option_ids: None,
        }
    }

    pub(crate) async fn load<C: ConnectionTrait + AsPgPool>(
        self,
        reader: &mut Reader<'_, C>,
    ) -> Result<Level> {
        let conn = reader.conn();
        let mut wanted = Condition::any();
        if let Some(ids) = self.variant_ids {
            wanted = wanted.add(among(conn, product_option_value::Column::VariantId, ids));
        }
        if let Some(ids) = self.option_ids {
            wanted = wanted.add(among(conn, product_option_value::Column::OptionId, ids));
        }
        let select = product_option_value::Entity::find()
            .filter(wanted)
            .filter(product_option_value::Column::DeletedAt.is_null())
            .into_query();
        let values = reader
            .fetch::<product_option_value::Entity>(&select, None)
            .await?;
        Ok(Level::fetched(values))
    }
}

pub(crate) fn wants(node: Option<&RelationNode>, child: &str) -> bool {
    node.is_some_and(|node| node.children.iter().any(|c| c.name == child))
}

/// The live rows of `E` whose `column` is one of `keys`.
pub(crate) async fn live_rows<E, C>(
    reader: &mut Reader<'_, C>,
    column: E::Column,
    deleted_at: E::Column,
    keys: Vec<String>,
) -> Result<Level>
where
    E: EntityTrait,
    E::Model: Serialize + FromColumns,
    C: ConnectionTrait + AsPgPool,
{
    let select = E::find()
        .filter(among(reader.conn(), column, keys))
        .filter(deleted_at.is_null())
        .into_query();
    Ok(Level::fetched(reader.fetch::<E>(&select, None).await?))
}

pub(crate) async fn variant_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    mut level: Level,
    node: &RelationNode,
    values: Option<&Arc<Level>>,
) -> Result<Related> {
    let decorate = node.children.iter().any(|c| c.name == "prices");
    let mode = if decorate {
        PriceMode::Decorated
    } else {
        PriceMode::Raw
    };
    variant_relations(reader, &mut level, &node.children, mode, values).await?;
    if decorate {
        level
            .extras
            .extend(PRICE_DECORATION_KEYS.iter().map(|key| (*key, Extra::Null)));
    }
    Ok(Related::Many(
        Arc::new(level),
        "product_id",
        ChildOrder::RankThenId,
    ))
}

pub(crate) fn option_level(
    mut level: Level,
    node: &RelationNode,
    values: Option<&Arc<Level>>,
) -> Related {
    if let Some(values) = values.filter(|_| wants(Some(node), "values")) {
        level.attach(
            "values",
            Related::Many(Arc::clone(values), "option_id", ChildOrder::Id),
        );
    }
    Related::Many(Arc::new(level), "product_id", ChildOrder::Id)
}

/// Targets through a link table, read joined with their links in one statement; each
/// owner's come in the targets' id order once attached.
pub(crate) async fn joined_level<C, T, L>(
    reader: &mut Reader<'_, C>,
    target: (T, T::Column, Option<T::Column>),
    link: (L, L::Column, L::Column),
    owners: &[String],
) -> Result<Related>
where
    C: ConnectionTrait + AsPgPool,
    T: EntityTrait,
    T::Model: Serialize + FromColumns,
    L: EntityTrait,
{
    let conn = reader.conn();
    let (target, target_id, deleted_at) = target;
    let (link, link_owner, link_target) = link;
    let mut select = T::find().into_query();
    select
        .expr_as(Expr::col((link, link_owner)), Alias::new(LINK_OWNER))
        .inner_join(
            link,
            Expr::col((link, link_target)).equals((target, target_id)),
        )
        .and_where(key_in(
            Expr::col((link, link_owner)),
            owners.to_vec(),
            conn.get_database_backend(),
        ));
    if let Some(deleted_at) = deleted_at {
        select.and_where(Expr::col((target, deleted_at)).is_null());
    }
    let fetched = reader.fetch::<T>(&select, Some(LINK_OWNER)).await?;
    Ok(Related::Many(
        Arc::new(Level::fetched(fetched)),
        LINK_OWNER,
        ChildOrder::Id,
    ))
}

pub(crate) async fn link_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    name: &str,
    product_ids: &[String],
) -> Result<Related> {
    macro_rules! joined {
        ($link:ident, $owner:ident, $target_col:ident, $target:ident, $deleted_at:expr) => {
            joined_level(
                reader,
                ($target::Entity, $target::Column::Id, $deleted_at),
                (
                    $link::Entity,
                    $link::Column::$owner,
                    $link::Column::$target_col,
                ),
                product_ids,
            )
            .await?
        };
    }
    Ok(match name {
        "images" => joined!(
            product_images,
            ProductId,
            ImageId,
            image,
            Some(image::Column::DeletedAt)
        ),
        "tags" => joined!(
            product_tags,
            ProductId,
            ProductTagId,
            product_tag,
            Some(product_tag::Column::DeletedAt)
        ),
        "profiles" => joined!(
            product_shipping_profile,
            ProductId,
            ProfileId,
            shipping_profile,
            Some(shipping_profile::Column::DeletedAt)
        ),
        "sales_channels" => joined!(
            product_sales_channel,
            ProductId,
            SalesChannelId,
            sales_channel,
            Some(sales_channel::Column::DeletedAt)
        ),
        // Categories have no soft delete (Medusa removes them).
        "categories" => joined!(
            product_category_product,
            ProductId,
            ProductCategoryId,
            product_category,
            None
        ),
        _ => Related::Empty,
    })
}

/// A page of products and its selected relations, as typed rows.
pub(crate) async fn product_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    mut level: Level,
    selection: &Selection,
) -> Result<Level> {
    if level.count == 0 {
        return Ok(level);
    }
    let ids = level.strings("id");
    let find = |name: &str| selection.relations.iter().find(|node| node.name == name);
    let (variant_node, option_node) = (find("variants"), find("options"));
    let mut variants = match variant_node {
        Some(_) => Some(
            live_rows::<product_variant::Entity, _>(
                reader,
                product_variant::Column::ProductId,
                product_variant::Column::DeletedAt,
                ids.clone(),
            )
            .await?,
        ),
        None => None,
    };
    let mut options = match option_node {
        Some(_) => Some(
            live_rows::<product_option::Entity, _>(
                reader,
                product_option::Column::ProductId,
                product_option::Column::DeletedAt,
                ids.clone(),
            )
            .await?,
        ),
        None => None,
    };
    let mut wanted = OptionValues::default();
    if wants(variant_node, "options") {
        wanted.variant_ids = variants.as_ref().map(|level| level.strings("id"));
    }
    if wants(option_node, "values") {
        wanted.option_ids = options.as_ref().map(|level| level.strings("id"));
    }
    let values = if wanted.variant_ids.is_some() || wanted.option_ids.is_some() {
        Some(Arc::new(wanted.load(reader).await?))
    } else {
        None
    };
    for node in &selection.relations {
        let related = match node.name {
            "variants" => match variants.take() {
                Some(rows) => variant_level(reader, rows, node, values.as_ref()).await?,
                None => Related::Empty,
            },
            "options" => match options.take() {
                Some(rows) => option_level(rows, node, values.as_ref()),
                None => Related::Empty,
            },
            "type" => {
                let types = live_rows::<product_type::Entity, _>(
                    reader,
                    product_type::Column::Id,
                    product_type::Column::DeletedAt,
                    distinct(level.strings("type_id")),
                )
                .await?;
                Related::One(types, "type_id")
            }
            "collection" => {
                let collections = live_rows::<product_collection::Entity, _>(
                    reader,
                    product_collection::Column::Id,
                    product_collection::Column::DeletedAt,
                    distinct(level.strings("collection_id")),
                )
                .await?;
                Related::One(collections, "collection_id")
            }
            name => link_level(reader, name, &ids).await?,
        };
        level.attach(node.name, related);
    }
    Ok(level)
}
