//! The `discount_condition_product_type` table.

link_table!("discount_condition_product_type": product_type_id, condition_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);
