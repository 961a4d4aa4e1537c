//! The product row itself: create and update inside a caller's transaction (`*_in`), and
//! its scalar columns.

use super::*;
use medusa_core::new_row::stamped;

/// Writes the given scalar columns onto a product row.
pub(super) fn apply_fields(row: &mut product::ActiveModel, fields: &ProductFields) -> Result<()> {
    if let Some(title) = &fields.title {
        row.title = Set(title.clone());
    }
    macro_rules! text {
        ($($name:ident),*) => {$(
            if let Some(value) = &fields.$name {
                row.$name = Set(value.clone());
            }
        )*};
    }
    text!(
        subtitle,
        description,
        thumbnail,
        handle,
        collection_id,
        hs_code,
        origin_country,
        mid_code,
        material
    );
    macro_rules! number {
        ($($name:ident),*) => {$(
            if let Some(value) = fields.$name {
                row.$name = Set(opt_int_column(value, stringify!($name))?);
            }
        )*};
    }
    number!(weight, length, height, width);
    if let Some(discountable) = fields.discountable {
        row.discountable = Set(discountable);
    }
    if let Some(Some(status)) = &fields.status {
        row.status = Set(status.clone());
    }
    Ok(())
}

/// A new product's row as Medusa's create writes it: the given columns over the defaults,
/// the thumbnail (else the first image), a gift card never discountable.
pub(super) fn new_product_row(
    id: &str,
    input: &CreateProduct,
    handle: String,
    type_id: Option<String>,
    now: Timestamp,
) -> Result<product::ActiveModel> {
    let fields = &input.fields;
    let thumbnail = match fields.thumbnail.clone().flatten() {
        Some(thumbnail) if !thumbnail.is_empty() => Some(thumbnail),
        _ => input
            .images
            .as_ref()
            .and_then(|images| images.first().cloned()),
    };
    let mut row = product::ActiveModel {
        id: Set(id.to_owned()),
        title: Set(fields.title.clone().unwrap_or_default()),
        subtitle: Set(None),
        description: Set(None),
        handle: Set(Some(handle)),
        is_giftcard: Set(input.is_giftcard),
        thumbnail: Set(None),
        weight: Set(None),
        length: Set(None),
        height: Set(None),
        width: Set(None),
        hs_code: Set(None),
        origin_country: Set(None),
        mid_code: Set(None),
        material: Set(None),
        metadata: Set(input.metadata.clone().map(Value::Object)),
        collection_id: Set(None),
        type_id: Set(type_id),
        discountable: Set(true),
        status: Set(medusa_entity::sea_orm_active_enums::ProductStatusEnum::Draft),
        external_id: Set(None),
        ..stamped(now)
    };
    let mut given = fields.clone();
    given.handle = None;
    given.thumbnail = None;
    apply_fields(&mut row, &given)?;
    row.thumbnail = Set(thumbnail);
    if input.is_giftcard {
        row.discountable = Set(false);
    }
    Ok(row)
}

/// A new product's option rows, and for each title position the id a variant's value at
/// that position names: Medusa maps a position to the first option with that title.
pub(super) fn new_option_rows(
    product_id: &str,
    titles: &[String],
    now: Timestamp,
) -> (Vec<product_option::ActiveModel>, Vec<String>) {
    let mut option_ids: Vec<String> = Vec::with_capacity(titles.len());
    let mut first_by_title: HashMap<&str, String> = HashMap::new();
    let mut options = Vec::with_capacity(titles.len());
    for title in titles {
        let option_id = generate_id(OPTION_PREFIX);
        option_ids.push(
            first_by_title
                .entry(title.as_str())
                .or_insert_with(|| option_id.clone())
                .clone(),
        );
        options.push(product_option::ActiveModel {
            id: Set(option_id),
            title: Set(title.clone()),
            product_id: Set(Some(product_id.to_owned())),
            ..stamped(now)
        });
    }
    (options, option_ids)
}

/// Creates a product with Medusa's rules inside the caller's transaction, as Medusa's
/// product service does (what its import calls): in the sales channels given, none else;
/// answers its id.
pub async fn create_product_in<C: ConnectionTrait>(
    conn: &C,
    input: CreateProduct,
) -> Result<String> {
    Ok(create_product(conn, input, false).await?.0)
}

/// As [`create_product_in`], answering the new variants' rows too; with `default_channel`,
/// a product given no channel is put in the store's default one, as Medusa's route does.
pub(super) async fn create_product<C: ConnectionTrait>(
    conn: &C,
    input: CreateProduct,
    default_channel: bool,
) -> Result<(String, Vec<product_variant::Model>)> {
    let now = medusa_core::time::now();
    let fields = &input.fields;
    let title = fields.title.clone().unwrap_or_default();
    if let Some(ids) = &input.sales_channel_ids {
        ensure_sales_channels(conn, ids).await?;
    }
    if matches!(fields.status, Some(None)) {
        return Err(Error::invalid_data(
            "Can't insert null value in field status on insert in table product",
        ));
    }
    let handle = match fields.handle.clone().flatten() {
        Some(handle) if !handle.is_empty() => handle,
        _ => kebab_case(&title),
    };
    ensure_handle_free(conn, &handle, None).await?;
    if let Some(Some(collection_id)) = &fields.collection_id {
        ensure_collection(conn, collection_id).await?;
    }
    if let Some(ids) = &input.category_ids {
        ensure_categories(conn, ids).await?;
    }
    let profile_id = profile_for(conn, input.is_giftcard).await?;
    let sales_channel_ids = match &input.sales_channel_ids {
        Some(ids) if !ids.is_empty() => ids.clone(),
        _ if default_channel => default_sales_channel(conn).await?.into_iter().collect(),
        _ => Vec::new(),
    };

    let id = generate_id(PRODUCT_PREFIX);
    let images = input.images.clone().unwrap_or_default();
    let type_id = match &input.type_ref {
        Some(type_ref) => Some(upsert_type(conn, type_ref, now).await?),
        None => None,
    };
    new_product_row(&id, &input, handle, type_id, now)?
        .insert(conn)
        .await?;

    let image_ids = upsert_images(conn, &images, now).await?;
    set_links(conn, IMAGES, &id, &image_ids, false).await?;
    if let Some(tags) = &input.tags {
        let tag_ids = upsert_tags(conn, tags, now).await?;
        set_links(conn, TAGS, &id, &tag_ids, false).await?;
    }
    set_links(conn, SALES_CHANNELS, &id, &sales_channel_ids, false).await?;
    if let Some(ids) = &input.category_ids {
        set_links(conn, CATEGORIES, &id, ids, false).await?;
    }
    if let Some(profile_id) = profile_id {
        product_shipping_profile::Entity::insert(product_shipping_profile::ActiveModel {
            profile_id: Set(profile_id),
            product_id: Set(id.clone()),
        })
        .exec_without_returning(conn)
        .await?;
    }
    let (options, option_ids) = new_option_rows(&id, &input.option_titles, now);
    if !options.is_empty() {
        product_option::Entity::insert_many(options)
            .exec_without_returning(conn)
            .await?;
    }
    medusa_events::record_event(conn, &events::ProductCreated { id: id.to_owned() }).await?;
    let mut created = Vec::new();
    if !input.variants.is_empty() {
        let ranks: Vec<Option<i32>> = (0..input.variants.len())
            .map(|index| Some(index as i32))
            .collect();
        created =
            create_variants(conn, &id, &input.variants, &ranks, Some(&option_ids), now).await?;
    }
    Ok((id, created))
}

/// Updates a product with Medusa's rules inside the caller's transaction.
pub async fn update_product_in<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    input: UpdateProduct,
) -> Result<()> {
    update_product(conn, id, input).await.map(drop)
}

/// As [`update_product_in`], answering the rows of the variants it created.
pub(super) async fn update_product<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    input: UpdateProduct,
) -> Result<Vec<product_variant::Model>> {
    let now = medusa_core::time::now();
    if let Some(ids) = &input.sales_channel_ids {
        ensure_sales_channels(conn, ids).await?;
    }
    let current = live_product(conn, id).await?;
    let fields = &input.fields;
    if let Some(Some(handle)) = &fields.handle {
        ensure_handle_free(conn, handle, Some(id)).await?;
    }
    if let Some(Some(collection_id)) = &fields.collection_id {
        ensure_collection(conn, collection_id).await?;
    }
    if let Some(ids) = &input.category_ids {
        ensure_categories(conn, ids).await?;
    }
    let mut row = current.clone().into_active_model();
    apply_fields(&mut row, fields)?;
    if let Some(images) = &input.images {
        let given_thumbnail = matches!(&fields.thumbnail, Some(Some(_)));
        if current.thumbnail.is_none() && !given_thumbnail {
            if let Some(first) = images.first() {
                row.thumbnail = Set(Some(first.clone()));
            }
        }
        let image_ids = upsert_images(conn, images, now).await?;
        set_links(conn, IMAGES, id, &image_ids, true).await?;
    }
    if let Some(update) = &input.metadata {
        row.metadata = Set(Some(metadata::merge(current.metadata.as_ref(), update)));
    }
    match &input.type_ref {
        Some(Some(type_ref)) => row.type_id = Set(Some(upsert_type(conn, type_ref, now).await?)),
        Some(None) => row.type_id = Set(None),
        None => {}
    }
    if let Some(tags) = &input.tags {
        let tag_ids = upsert_tags(conn, tags, now).await?;
        set_links(conn, TAGS, id, &tag_ids, true).await?;
    }
    if let Some(ids) = &input.category_ids {
        set_links(conn, CATEGORIES, id, ids, true).await?;
    }
    if let Some(ids) = &input.sales_channel_ids {
        set_links(conn, SALES_CHANNELS, id, ids, true).await?;
    }
    row.updated_at = Set(now);
    row.update(conn).await?;
    let keys: Vec<String> = input
        .keys
        .iter()
        .filter(|key| key.as_str() != "variants")
        .cloned()
        .collect();
    record_product_updated(conn, id, Some(&keys)).await?;

    let mut created = Vec::new();
    if let Some(variants) = &input.variants {
        let shape = product_shape(conn, id).await?;
        let by_id: HashMap<&str, &product_variant::Model> = shape
            .variants
            .iter()
            .map(|(variant, _)| (variant.id.as_str(), variant))
            .collect();
        let listed: HashSet<&str> = variants.iter().filter_map(|v| v.id.as_deref()).collect();
        let foreign: Vec<&str> = variants
            .iter()
            .filter_map(|v| v.id.as_deref())
            .filter(|variant_id| !by_id.contains_key(variant_id))
            .collect();
        if !foreign.is_empty() {
            return Err(Error::not_found(format!(
                "Variants with id: {} are not associated with this product",
                foreign.join(", ")
            )));
        }
        let removed: Vec<product_variant::Model> = shape
            .variants
            .iter()
            .filter(|(variant, _)| !listed.contains(variant.id.as_str()))
            .map(|(variant, _)| variant.clone())
            .collect();
        delete_variants(conn, &removed, now).await?;
        let mut to_create = Vec::new();
        let mut ranks = Vec::new();
        for (rank, variant) in variants.iter().enumerate() {
            match variant
                .id
                .as_deref()
                .and_then(|variant_id| by_id.get(variant_id))
            {
                Some(stored) => {
                    update_variant_row(conn, stored, variant, Some(rank as i32), id, now).await?;
                }
                None => {
                    // Medusa's update body has no quantity default, so the insert
                    // writes NULL into a NOT NULL column.
                    if variant.inventory_quantity.is_none() {
                        return Err(Error::invalid_data(format!(
                            "null value in column \"inventory_quantity\" of relation \"product_variant\" violates not-null constraint{COMPENSATION_FAILURE}"
                        )));
                    }
                    let mut new = variant.clone();
                    new.prices.get_or_insert_with(Vec::new);
                    to_create.push(new);
                    ranks.push(Some(rank as i32));
                }
            }
        }
        if !to_create.is_empty() {
            created = create_variants(conn, id, &to_create, &ranks, None, now).await?;
        }
    }
    Ok(created)
}
