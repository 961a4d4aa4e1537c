//! Many new products with their new variants written together, for the CSV import: the rows,
//! links and events `create_product_in` then `create_variant_in` for each variant would write,
//! with each table written in a few multi-row statements and each check read once for the
//! whole batch. Nothing is refused here: when a check would fail, the batch answers `false`
//! before writing anything, and the caller writes one by one to get Medusa's error. The one
//! check not read beforehand is the variants' unique codes (sku, barcode, ean, upc) against
//! the table: their unique indexes refuse the insert, so the caller runs the batch in a
//! savepoint and treats an error as a refusal.

use super::*;
use medusa_events::Events;
use medusa_load::{link_pairs, live, missing};
use sea_orm::{ActiveModelBehavior, Iterable, PaginatorTrait, TryIntoModel};

use crate::prices::{insert_variant_prices, new_base_price, region_currencies, NewPrice};
use crate::read::among;

/// A new product (its `variants` unused) with its new variants, each with its option values
/// by option title, as `create_variant_in` would be given them one by one.
#[derive(Debug, Clone)]
pub struct NewProduct {
    pub product: CreateProduct,
    pub external_id: Option<String>,
    pub variants: Vec<(VariantInput, Vec<(String, String)>)>,
}

/// What every new product gets, read once: the default shipping profile (no sales channel
/// but those given, as `create_product_in`).
#[derive(Debug, Clone)]
pub struct NewProductDefaults {
    profile_id: Option<String>,
}

impl NewProductDefaults {
    pub async fn load<C: ConnectionTrait>(conn: &C) -> Result<Self> {
        Ok(Self {
            profile_id: profile_for(conn, false).await?,
        })
    }
}

/// Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535.
const PARAMETERS_PER_INSERT: usize = 30_000;

/// Prices per statement (about ten parameters each).
const PRICES_PER_INSERT: usize = PARAMETERS_PER_INSERT / 12;

async fn insert_all<A, C>(conn: &C, rows: Vec<A>) -> Result<()>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    C: ConnectionTrait,
{
    let columns = <<A::Entity as EntityTrait>::Column as Iterable>::iter().count();
    let per_insert = (PARAMETERS_PER_INSERT / columns.max(1)).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(per_insert).collect();
        A::Entity::insert_many(batch)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

/// One product's rows, built before anything is written.
struct Planned<'a> {
    id: String,
    source: &'a NewProduct,
    options: Vec<product_option::ActiveModel>,
    variants: Vec<product_variant::ActiveModel>,
    values: Vec<product_option_value::ActiveModel>,
    prices: Vec<(String, NewPrice)>,
}

/// Writes `products` (new handles, new variants) in the caller's transaction, or answers
/// `false` without writing when any of them would be refused; a code a live variant already
/// holds fails the variants' insert (run it in a savepoint).
pub async fn create_products_in<C: ConnectionTrait>(
    conn: &C,
    defaults: &NewProductDefaults,
    products: &[NewProduct],
) -> Result<bool> {
    if products.is_empty() {
        return Ok(true);
    }
    if !acceptable(conn, products).await? {
        return Ok(false);
    }
    let now = medusa_core::time::now();
    let region_ids: Vec<String> = products
        .iter()
        .flat_map(|p| &p.variants)
        .flat_map(|(variant, _)| variant.prices.iter().flatten())
        .filter_map(|price| price.region_id.clone())
        .collect();
    let currencies = region_currencies(conn, &unique(&region_ids)).await?;
    let mut codes: HashSet<(&'static str, String)> = HashSet::new();
    let mut planned = Vec::with_capacity(products.len());
    for source in products {
        let id = generate_id(PRODUCT_PREFIX);
        let (options, option_ids) = new_option_rows(&id, &source.product.option_titles, now);
        let by_title: HashMap<&str, &str> = source
            .product
            .option_titles
            .iter()
            .map(String::as_str)
            .zip(option_ids.iter().map(String::as_str))
            .collect();
        let mut shape = ProductShape {
            options: options
                .iter()
                .cloned()
                .map(TryIntoModel::try_into_model)
                .collect::<std::result::Result<_, _>>()?,
            variants: Vec::new(),
        };
        let mut plan = Planned {
            id,
            source,
            options,
            variants: Vec::new(),
            values: Vec::new(),
            prices: Vec::new(),
        };
        for (variant, titled) in &source.variants {
            let options: Vec<(String, String)> = titled
                .iter()
                .filter_map(|(title, value)| {
                    by_title
                        .get(title.as_str())
                        .map(|id| ((*id).to_owned(), value.clone()))
                })
                .collect();
            if check_new_variant(&shape, &options).is_err() || !codes_free(&mut codes, variant) {
                return Ok(false);
            }
            let variant_id = generate_id(VARIANT_PREFIX);
            let rank = shape.variants.len() as i32;
            let Ok(row) = new_variant_row(&variant_id, &plan.id, variant, rank, now) else {
                return Ok(false);
            };
            let values = new_value_rows(&variant_id, options, now);
            for price in variant.prices.iter().flatten() {
                let Ok(price) = new_base_price(price, &currencies) else {
                    return Ok(false);
                };
                plan.prices.push((variant_id.clone(), price));
            }
            shape.variants.push((
                row.clone().try_into_model()?,
                values
                    .iter()
                    .cloned()
                    .map(TryIntoModel::try_into_model)
                    .collect::<std::result::Result<_, _>>()?,
            ));
            plan.variants.push(row);
            plan.values.extend(values);
        }
        planned.push(plan);
    }
    write(conn, defaults, planned, now).await?;
    Ok(true)
}

/// Whether none of the products would be refused by the checks `create_product_in` and
/// `create_variant_in` read from the database (the rest are checked as the rows are built;
/// the variants' codes by their unique indexes).
async fn acceptable<C: ConnectionTrait>(conn: &C, products: &[NewProduct]) -> Result<bool> {
    let mut handles = Vec::with_capacity(products.len());
    for NewProduct { product, .. } in products {
        let fields = &product.fields;
        let handle = match &fields.handle {
            Some(Some(handle)) if !handle.is_empty() => handle.clone(),
            _ => return Ok(false),
        };
        if fields.title.is_none() || matches!(fields.status, Some(None)) || product.is_giftcard {
            return Ok(false);
        }
        handles.push(handle);
    }
    if unique(&handles).len() != handles.len()
        || live::<product::Entity>()
            .filter(among(conn, product::Column::Handle, handles))
            .count(conn)
            .await?
            > 0
    {
        return Ok(false);
    }
    let (channels, categories, collections) = referenced(products);
    Ok(missing(conn, live::<sales_channel::Entity>(), &channels)
        .await?
        .is_empty()
        && missing(conn, product_category::Entity::find(), &categories)
            .await?
            .is_empty()
        && missing(conn, product_collection::Entity::find(), &collections)
            .await?
            .is_empty())
}

/// The sales channels, categories and collections the products name.
fn referenced(products: &[NewProduct]) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut channels, mut categories, mut collections) = (Vec::new(), Vec::new(), Vec::new());
    for NewProduct { product, .. } in products {
        channels.extend(product.sales_channel_ids.iter().flatten().cloned());
        categories.extend(product.category_ids.iter().flatten().cloned());
        collections.extend(product.fields.collection_id.clone().flatten());
    }
    (unique(&channels), unique(&categories), unique(&collections))
}

/// The unique codes a variant takes, each free within this batch (recorded in `taken`).
fn codes_free(taken: &mut HashSet<(&'static str, String)>, variant: &VariantInput) -> bool {
    [
        ("sku", &variant.sku),
        ("barcode", &variant.barcode),
        ("ean", &variant.ean),
        ("upc", &variant.upc),
    ]
    .into_iter()
    .all(|(name, value)| match value {
        Some(Some(value)) => taken.insert((name, value.clone())),
        _ => true,
    })
}

/// Live rows by value: the type (the first found), tags (the last found) and images (the
/// oldest) `upsert_type`, `upsert_tags` and `upsert_images` would reuse; the others inserted.
struct Related {
    types: HashMap<String, String>,
    tags: HashMap<String, String>,
    images: HashMap<String, String>,
}

/// The distinct type values, tag values and image URLs of the products.
fn values_of(products: &[Planned<'_>]) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut types, mut tags, mut urls) = (Vec::new(), Vec::new(), Vec::new());
    for plan in products {
        let product = &plan.source.product;
        types.extend(product.type_ref.iter().map(|t| t.value.clone()));
        tags.extend(product.tags.iter().flatten().map(|t| t.value.clone()));
        urls.extend(product.images.iter().flatten().cloned());
    }
    (unique(&types), unique(&tags), unique(&urls))
}

/// Rows for the `values` not `known` (each given a new id, then known).
fn new_rows<A>(
    values: Vec<String>,
    known: &mut HashMap<String, String>,
    prefix: &str,
    row: impl Fn(String, String) -> A,
) -> Vec<A> {
    let mut rows = Vec::new();
    for value in values {
        if !known.contains_key(&value) {
            let id = generate_id(prefix);
            known.insert(value.clone(), id.clone());
            rows.push(row(id, value));
        }
    }
    rows
}

async fn related<C: ConnectionTrait>(
    conn: &C,
    products: &[Planned<'_>],
    now: Timestamp,
) -> Result<Related> {
    let (type_values, tag_values, urls) = values_of(products);
    let mut types: HashMap<String, String> = HashMap::new();
    if !type_values.is_empty() {
        for row in live::<product_type::Entity>()
            .filter(among(
                conn,
                product_type::Column::Value,
                type_values.clone(),
            ))
            .all(conn)
            .await?
        {
            types.entry(row.value).or_insert(row.id);
        }
    }
    let mut tags: HashMap<String, String> = HashMap::new();
    if !tag_values.is_empty() {
        tags.extend(
            live::<product_tag::Entity>()
                .filter(among(conn, product_tag::Column::Value, tag_values.clone()))
                .all(conn)
                .await?
                .into_iter()
                .map(|row| (row.value, row.id)),
        );
    }
    let mut images: HashMap<String, String> = HashMap::new();
    if !urls.is_empty() {
        images.extend(
            live::<image::Entity>()
                .filter(among(conn, image::Column::Url, urls.clone()))
                .order_by_asc(image::Column::CreatedAt)
                .all(conn)
                .await?
                .into_iter()
                .rev()
                .map(|row| (row.url, row.id)),
        );
    }
    let new_types = new_rows(type_values, &mut types, TYPE_PREFIX, |id, value| {
        new_type(id, value, now)
    });
    let new_tags = new_rows(tag_values, &mut tags, TAG_PREFIX, |id, value| {
        new_tag(id, value, now)
    });
    let new_images = new_rows(urls, &mut images, IMAGE_PREFIX, |id, url| {
        new_image(id, url, now)
    });
    insert_all(conn, new_types).await?;
    insert_all(conn, new_tags).await?;
    insert_all(conn, new_images).await?;
    Ok(Related {
        types,
        tags,
        images,
    })
}

/// `(owner, id)` for each of `ids`, repeats once, in order.
fn push_links<'a>(
    owner: &'a str,
    ids: impl Iterator<Item = &'a str>,
    links: &mut Vec<(&'a str, &'a str)>,
) {
    let mut seen = HashSet::new();
    for id in ids.filter(|id| seen.insert(*id)) {
        links.push((owner, id));
    }
}

async fn write<C: ConnectionTrait>(
    conn: &C,
    defaults: &NewProductDefaults,
    planned: Vec<Planned<'_>>,
    now: Timestamp,
) -> Result<()> {
    let related = related(conn, &planned, now).await?;
    let mut rows = Vec::with_capacity(planned.len());
    let mut image_links: Vec<(&str, &str)> = Vec::new();
    let mut tag_links: Vec<(&str, &str)> = Vec::new();
    let mut channel_links: Vec<(&str, &str)> = Vec::new();
    let mut category_links: Vec<(&str, &str)> = Vec::new();
    let mut profiles = Vec::new();
    let mut events = Events::default();
    for plan in &planned {
        let input = &plan.source.product;
        let handle = input.fields.handle.clone().flatten().unwrap_or_default();
        let type_id = input
            .type_ref
            .as_ref()
            .and_then(|t| related.types.get(&t.value).cloned());
        let mut row = new_product_row(&plan.id, input, handle, type_id, now)?;
        if let Some(external_id) = &plan.source.external_id {
            row.external_id = Set(Some(external_id.clone()));
        }
        rows.push(row);
        let owner = plan.id.as_str();
        let urls = input.images.iter().flatten();
        let images = urls.filter_map(|url| related.images.get(url).map(String::as_str));
        push_links(owner, images, &mut image_links);
        let tags = input.tags.iter().flatten();
        let tags = tags.filter_map(|tag| related.tags.get(&tag.value).map(String::as_str));
        push_links(owner, tags, &mut tag_links);
        let channels = input.sales_channel_ids.iter().flatten().map(String::as_str);
        push_links(owner, channels, &mut channel_links);
        let categories = input.category_ids.iter().flatten().map(String::as_str);
        push_links(owner, categories, &mut category_links);
        if let Some(profile_id) = &defaults.profile_id {
            profiles.push(product_shipping_profile::ActiveModel {
                profile_id: Set(profile_id.clone()),
                product_id: Set(plan.id.clone()),
            });
        }
        events.push(&events::ProductCreated {
            id: plan.id.clone(),
        })?;
        for variant in &plan.variants {
            if let (sea_orm::ActiveValue::Set(id), sea_orm::ActiveValue::Set(product_id)) =
                (&variant.id, &variant.product_id)
            {
                events.push(&events::VariantCreated {
                    id: id.clone(),
                    product_id: product_id.clone(),
                })?;
            }
        }
    }
    insert_all(conn, rows).await?;
    link_pairs::<product_images::Entity, _>(conn, IMAGES.owner, IMAGES.target, &image_links)
        .await?;
    link_pairs::<product_tags::Entity, _>(conn, TAGS.owner, TAGS.target, &tag_links).await?;
    link_pairs::<product_sales_channel::Entity, _>(
        conn,
        SALES_CHANNELS.owner,
        SALES_CHANNELS.target,
        &channel_links,
    )
    .await?;
    link_pairs::<product_category_product::Entity, _>(
        conn,
        CATEGORIES.owner,
        CATEGORIES.target,
        &category_links,
    )
    .await?;
    insert_all(conn, profiles).await?;
    let mut options = Vec::new();
    let mut variants = Vec::new();
    let mut values = Vec::new();
    let mut prices = Vec::new();
    for plan in planned {
        options.extend(plan.options);
        variants.extend(plan.variants);
        values.extend(plan.values);
        prices.extend(plan.prices);
    }
    insert_all(conn, options).await?;
    insert_all(conn, variants).await?;
    insert_all(conn, values).await?;
    // A variant's prices stay in one statement: their ids order them.
    let mut batch: Vec<(&str, &NewPrice)> = Vec::new();
    for (variant_id, price) in &prices {
        let next_variant = batch.last().is_some_and(|(last, _)| *last != variant_id);
        if next_variant && batch.len() >= PRICES_PER_INSERT {
            insert_variant_prices(conn, &batch, None, now).await?;
            batch.clear();
        }
        batch.push((variant_id.as_str(), price));
    }
    insert_variant_prices(conn, &batch, None, now).await?;
    events.record(conn).await
}
