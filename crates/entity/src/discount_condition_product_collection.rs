//! The `discount_condition_product_collection` table.

link_table!("discount_condition_product_collection": product_collection_id, condition_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);
