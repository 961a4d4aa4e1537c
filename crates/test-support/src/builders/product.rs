//! Products with their variants, prices and sales channels.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::sea_orm_active_enums::ProductStatusEnum;
use medusa_entity::{
    money_amount, product, product_sales_channel, product_variant, product_variant_money_amount,
    region,
};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::Value;

/// A product; by default a draft (as Medusa creates one), discountable, not a gift card,
/// without handle, type, collection, dimensions, variants or sales channels.
#[must_use]
pub struct ProductBuilder {
    id: String,
    title: String,
    subtitle: Option<String>,
    description: Option<String>,
    handle: Option<String>,
    status: ProductStatusEnum,
    is_giftcard: bool,
    discountable: bool,
    weight: Option<i32>,
    type_id: Option<String>,
    collection_id: Option<String>,
    metadata: Option<Value>,
    created_at: Timestamp,
    variants: Vec<VariantBuilder>,
    sales_channels: Vec<String>,
}

/// What [`ProductBuilder::insert`] inserted: the product, its variants in rank order, and
/// every variant's prices (variant by variant, in the order they were added).
#[derive(Debug, Clone)]
pub struct BuiltProduct {
    pub product: product::Model,
    pub variants: Vec<product_variant::Model>,
    pub prices: Vec<money_amount::Model>,
}

impl ProductBuilder {
    common_overrides!(id, metadata);

    pub fn new(title: &str) -> Self {
        Self {
            id: medusa_core::generate_id("prod"),
            title: title.to_owned(),
            subtitle: None,
            description: None,
            handle: None,
            status: ProductStatusEnum::Draft,
            is_giftcard: false,
            discountable: true,
            weight: None,
            type_id: None,
            collection_id: None,
            metadata: None,
            created_at: super::now(),
            variants: Vec::new(),
            sales_channels: Vec::new(),
        }
    }

    pub fn subtitle(mut self, subtitle: &str) -> Self {
        self.subtitle = Some(subtitle.to_owned());
        self
    }

    pub fn description(mut self, description: &str) -> Self {
        self.description = Some(description.to_owned());
        self
    }

    pub fn handle(mut self, handle: &str) -> Self {
        self.handle = Some(handle.to_owned());
        self
    }

    pub fn status(mut self, status: ProductStatusEnum) -> Self {
        self.status = status;
        self
    }

    pub fn published(self) -> Self {
        self.status(ProductStatusEnum::Published)
    }

    pub fn gift_card(mut self) -> Self {
        self.is_giftcard = true;
        self
    }

    pub fn discountable(mut self, discountable: bool) -> Self {
        self.discountable = discountable;
        self
    }

    pub fn weight(mut self, weight: i32) -> Self {
        self.weight = Some(weight);
        self
    }

    pub fn type_id(mut self, type_id: &str) -> Self {
        self.type_id = Some(type_id.to_owned());
        self
    }

    pub fn collection(mut self, collection_id: &str) -> Self {
        self.collection_id = Some(collection_id.to_owned());
        self
    }

    /// Creation and update time, of the product and of its variants and prices.
    pub fn created_at(mut self, at: Timestamp) -> Self {
        self.created_at = at;
        self
    }

    /// Adds a variant; variants are ranked in the order they are added.
    pub fn variant(mut self, variant: VariantBuilder) -> Self {
        self.variants.push(variant);
        self
    }

    /// Puts the product in the sales channel with this id.
    pub fn sales_channel(mut self, sales_channel_id: &str) -> Self {
        self.sales_channels.push(sales_channel_id.to_owned());
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> BuiltProduct {
        let created_at = self.created_at;
        let product = product::ActiveModel {
            id: Set(self.id.clone()),
            title: Set(self.title),
            subtitle: Set(self.subtitle),
            description: Set(self.description),
            handle: Set(self.handle),
            is_giftcard: Set(self.is_giftcard),
            thumbnail: Set(None),
            weight: Set(self.weight),
            length: Set(None),
            height: Set(None),
            width: Set(None),
            hs_code: Set(None),
            origin_country: Set(None),
            mid_code: Set(None),
            material: Set(None),
            metadata: Set(self.metadata),
            collection_id: Set(self.collection_id),
            type_id: Set(self.type_id),
            discountable: Set(self.discountable),
            status: Set(self.status),
            external_id: Set(None),
            ..stamped(created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting product {}: {e}", self.id));
        for sales_channel_id in self.sales_channels {
            product_sales_channel::Entity::insert(product_sales_channel::ActiveModel {
                product_id: Set(product.id.clone()),
                sales_channel_id: Set(sales_channel_id.clone()),
            })
            .exec_without_returning(db)
            .await
            .unwrap_or_else(|e| panic!("putting {} in {sales_channel_id}: {e}", product.id));
        }
        let mut variants = Vec::new();
        let mut prices = Vec::new();
        for (rank, variant) in self.variants.into_iter().enumerate() {
            let (row, its_prices) = variant.insert(db, &product.id, rank, created_at).await;
            variants.push(row);
            prices.extend(its_prices);
        }
        BuiltProduct {
            product,
            variants,
            prices,
        }
    }
}

/// A variant of a [`ProductBuilder`]; by default without SKU or codes, 0 in stock with
/// managed inventory and no backorders (Medusa's defaults), and no prices.
#[must_use]
pub struct VariantBuilder {
    id: String,
    title: String,
    sku: Option<String>,
    inventory_quantity: i32,
    allow_backorder: bool,
    manage_inventory: bool,
    weight: Option<i32>,
    metadata: Option<Value>,
    prices: Vec<Price>,
}

struct Price {
    currency_code: String,
    amount: i32,
    region_id: Option<String>,
}

impl VariantBuilder {
    common_overrides!(id, metadata);

    pub fn new(title: &str) -> Self {
        Self {
            id: medusa_core::generate_id("variant"),
            title: title.to_owned(),
            sku: None,
            inventory_quantity: 0,
            allow_backorder: false,
            manage_inventory: true,
            weight: None,
            metadata: None,
            prices: Vec::new(),
        }
    }

    pub fn sku(mut self, sku: &str) -> Self {
        self.sku = Some(sku.to_owned());
        self
    }

    pub fn inventory(mut self, quantity: i32) -> Self {
        self.inventory_quantity = quantity;
        self
    }

    pub fn allow_backorder(mut self) -> Self {
        self.allow_backorder = true;
        self
    }

    pub fn manage_inventory(mut self, managed: bool) -> Self {
        self.manage_inventory = managed;
        self
    }

    pub fn weight(mut self, weight: i32) -> Self {
        self.weight = Some(weight);
        self
    }

    /// A base price in a currency (amount in the currency's smallest unit).
    pub fn price(mut self, currency_code: &str, amount: i32) -> Self {
        self.prices.push(Price {
            currency_code: currency_code.to_owned(),
            amount,
            region_id: None,
        });
        self
    }

    /// A base price for a region, in the region's currency.
    pub fn region_price(mut self, region: &region::Model, amount: i32) -> Self {
        self.prices.push(Price {
            currency_code: region.currency_code.clone(),
            amount,
            region_id: Some(region.id.clone()),
        });
        self
    }

    async fn insert<C: ConnectionTrait>(
        self,
        db: &C,
        product_id: &str,
        rank: usize,
        created_at: Timestamp,
    ) -> (product_variant::Model, Vec<money_amount::Model>) {
        let variant = product_variant::ActiveModel {
            id: Set(self.id.clone()),
            title: Set(self.title),
            product_id: Set(product_id.to_owned()),
            sku: Set(self.sku),
            barcode: Set(None),
            ean: Set(None),
            upc: Set(None),
            inventory_quantity: Set(self.inventory_quantity),
            allow_backorder: Set(self.allow_backorder),
            manage_inventory: Set(self.manage_inventory),
            hs_code: Set(None),
            origin_country: Set(None),
            mid_code: Set(None),
            material: Set(None),
            weight: Set(self.weight),
            length: Set(None),
            height: Set(None),
            width: Set(None),
            metadata: Set(self.metadata),
            variant_rank: Set(Some(i32::try_from(rank).unwrap_or(i32::MAX))),
            ..stamped(created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting variant {}: {e}", self.id));
        let mut prices = Vec::new();
        for price in self.prices {
            let amount = money_amount::ActiveModel {
                id: Set(medusa_core::generate_id("ma")),
                currency_code: Set(price.currency_code),
                amount: Set(price.amount),
                region_id: Set(price.region_id),
                min_quantity: Set(None),
                max_quantity: Set(None),
                price_list_id: Set(None),
                ..stamped(created_at)
            }
            .insert(db)
            .await
            .unwrap_or_else(|e| panic!("inserting a price of {}: {e}", variant.id));
            product_variant_money_amount::ActiveModel {
                // Medusa's prefix is `pvma_`, so its ids read `pvma__<ULID>`.
                id: Set(medusa_core::generate_id("pvma_")),
                money_amount_id: Set(amount.id.clone()),
                variant_id: Set(variant.id.clone()),
                deleted_at: Set(None),
                ..stamped(created_at)
            }
            .insert(db)
            .await
            .unwrap_or_else(|e| panic!("linking price {} to {}: {e}", amount.id, variant.id));
            prices.push(amount);
        }
        (variant, prices)
    }
}
