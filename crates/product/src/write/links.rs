//! A product's related rows: images, tags and type (reused or inserted), its link tables
//! (images, tags, sales channels, categories), and what a new product is given by default
//! (shipping profile, sales channel).

use super::*;
use medusa_load::{link, unlink, Link};

/// A new row of `$table`, whose columns are an id, one text column and the usual stamps
/// (images, tags, types), as a product write inserts it.
macro_rules! new_row {
    ($table:ident, $id:expr, $column:ident: $text:expr, $now:expr) => {
        $table::ActiveModel {
            id: Set($id),
            $column: Set($text),
            created_at: Set($now),
            updated_at: Set($now),
            deleted_at: Set(None),
            metadata: Set(None),
        }
    };
}

/// A new image row for `url`.
pub(super) fn new_image(id: String, url: String, now: Timestamp) -> image::ActiveModel {
    new_row!(image, id, url: url, now)
}

/// A new tag row with this value.
pub(super) fn new_tag(id: String, value: String, now: Timestamp) -> product_tag::ActiveModel {
    new_row!(product_tag, id, value: value, now)
}

/// A new type row with this value.
pub(super) fn new_type(id: String, value: String, now: Timestamp) -> product_type::ActiveModel {
    new_row!(product_type, id, value: value, now)
}

/// Image rows for these URLs: live rows with the same URL are reused, others inserted.
pub(super) async fn upsert_images<C: ConnectionTrait>(
    conn: &C,
    urls: &[String],
    now: Timestamp,
) -> Result<Vec<String>> {
    let urls = unique(urls);
    if urls.is_empty() {
        return Ok(Vec::new());
    }
    let existing: HashMap<String, String> = image::Entity::find()
        .filter(image::Column::Url.is_in(urls.iter().cloned()))
        .filter(image::Column::DeletedAt.is_null())
        .order_by_asc(image::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .rev()
        .map(|row| (row.url, row.id))
        .collect();
    let mut ids = Vec::with_capacity(urls.len());
    let mut created = Vec::new();
    for url in &urls {
        match existing.get(url) {
            Some(id) => ids.push(id.clone()),
            None => {
                let id = generate_id(IMAGE_PREFIX);
                ids.push(id.clone());
                created.push(new_image(id, url.clone(), now));
            }
        }
    }
    if !created.is_empty() {
        image::Entity::insert_many(created)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(ids)
}

/// Tag rows for these values: live tags with the value are reused, others inserted (with the
/// id given, if any).
pub(super) async fn upsert_tags<C: ConnectionTrait>(
    conn: &C,
    tags: &[ValueRef],
    now: Timestamp,
) -> Result<Vec<String>> {
    if tags.is_empty() {
        return Ok(Vec::new());
    }
    let values: Vec<String> = tags.iter().map(|tag| tag.value.clone()).collect();
    let mut known: HashMap<String, String> = product_tag::Entity::find()
        .filter(product_tag::Column::Value.is_in(values))
        .filter(product_tag::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|row| (row.value, row.id))
        .collect();
    let mut ids = Vec::with_capacity(tags.len());
    for tag in tags {
        if let Some(id) = known.get(&tag.value) {
            ids.push(id.clone());
            continue;
        }
        let id = tag.id.clone().unwrap_or_else(|| generate_id(TAG_PREFIX));
        new_tag(id.clone(), tag.value.clone(), now)
            .insert(conn)
            .await?;
        known.insert(tag.value.clone(), id.clone());
        ids.push(id);
    }
    Ok(unique(&ids))
}

/// The live type with this value, or a new one.
pub(super) async fn upsert_type<C: ConnectionTrait>(
    conn: &C,
    type_ref: &ValueRef,
    now: Timestamp,
) -> Result<String> {
    if let Some(found) = product_type::Entity::find()
        .filter(product_type::Column::Value.eq(type_ref.value.as_str()))
        .filter(product_type::Column::DeletedAt.is_null())
        .one(conn)
        .await?
    {
        return Ok(found.id);
    }
    let id = generate_id(TYPE_PREFIX);
    new_type(id.clone(), type_ref.value.clone(), now)
        .insert(conn)
        .await?;
    Ok(id)
}

/// The link tables a product write sets: each ties `product_id` to a related row.
pub(super) const IMAGES: Link<product_images::Entity> = Link {
    owner: product_images::Column::ProductId,
    target: product_images::Column::ImageId,
};
pub(super) const TAGS: Link<product_tags::Entity> = Link {
    owner: product_tags::Column::ProductId,
    target: product_tags::Column::ProductTagId,
};
pub(super) const SALES_CHANNELS: Link<product_sales_channel::Entity> = Link {
    owner: product_sales_channel::Column::ProductId,
    target: product_sales_channel::Column::SalesChannelId,
};
pub(super) const CATEGORIES: Link<product_category_product::Entity> = Link {
    owner: product_category_product::Column::ProductId,
    target: product_category_product::Column::ProductCategoryId,
};

/// Links a product to `ids` in `links`' table (in that order, repeats once); with `replace`,
/// its other links there go first, so the links' physical order is the given one.
pub(super) async fn set_links<L: EntityTrait, C: ConnectionTrait>(
    conn: &C,
    links: Link<L>,
    product_id: &str,
    ids: &[String],
    replace: bool,
) -> Result<()> {
    let Link { owner, target } = links;
    if replace {
        unlink::<L, C>(conn, owner, target, product_id, None).await?;
    }
    link::<L, C>(conn, owner, target, product_id, &unique(ids)).await
}

/// The shipping profile a new product gets: the gift-card profile for gift cards, else the
/// default one.
pub(super) async fn profile_for<C: ConnectionTrait>(
    conn: &C,
    is_giftcard: bool,
) -> Result<Option<String>> {
    let kind = if is_giftcard {
        ShippingProfileTypeEnum::GiftCard
    } else {
        ShippingProfileTypeEnum::Default
    };
    Ok(shipping_profile::Entity::find()
        .filter(shipping_profile::Column::Type.eq(kind))
        .filter(shipping_profile::Column::DeletedAt.is_null())
        .order_by_asc(shipping_profile::Column::CreatedAt)
        .one(conn)
        .await?
        .map(|profile| profile.id))
}

pub(super) async fn default_sales_channel<C: ConnectionTrait>(conn: &C) -> Result<Option<String>> {
    Ok(store::Entity::find()
        .one(conn)
        .await?
        .and_then(|store| store.default_sales_channel_id))
}
