//! The inventory items Medusa's product routes create for new variants: with the inventory
//! module on, each new variant that manages its inventory gets an item carrying its sku and
//! physical attributes, attached at one unit per variant, in the route's transaction.

use async_trait::async_trait;
use medusa_core::Result;
use medusa_entity::product_variant;
use medusa_product::NewVariantsHook;
use sea_orm::DatabaseTransaction;

use crate::input::CreateInventoryItem;
use crate::items::{attach_variant_in, create_item_in};
use crate::modules::Modules;

/// [`NewVariantsHook`] that creates and attaches the variants' inventory items.
#[derive(Debug, Clone)]
pub struct InventoryItemsForNewVariants {
    modules: Modules,
}

impl InventoryItemsForNewVariants {
    pub fn new(modules: Modules) -> Self {
        Self { modules }
    }
}

#[async_trait]
impl NewVariantsHook for InventoryItemsForNewVariants {
    async fn applies(&self) -> Result<bool> {
        self.modules.enabled().await
    }

    async fn variants_created(
        &self,
        txn: &DatabaseTransaction,
        variants: &[product_variant::Model],
    ) -> Result<()> {
        // Medusa creates every item first, then attaches them.
        let mut attachments = Vec::with_capacity(variants.len());
        for variant in variants.iter().filter(|variant| variant.manage_inventory) {
            let item = create_item_in(txn, item_for(variant)).await?;
            attachments.push((variant.id.as_str(), item.id));
        }
        for (variant_id, item_id) in attachments {
            attach_variant_in(txn, variant_id, &item_id, 1).await?;
        }
        Ok(())
    }
}

/// The fields Medusa's variant transaction copies from a variant onto its item.
fn item_for(variant: &product_variant::Model) -> CreateInventoryItem {
    CreateInventoryItem {
        variant_id: Some(variant.id.clone()),
        sku: variant.sku.clone(),
        hs_code: variant.hs_code.clone(),
        weight: variant.weight,
        length: variant.length,
        height: variant.height,
        width: variant.width,
        origin_country: variant.origin_country.clone(),
        mid_code: variant.mid_code.clone(),
        material: variant.material.clone(),
    }
}
