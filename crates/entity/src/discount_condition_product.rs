//! The `discount_condition_product` table.

link_table!("discount_condition_product": product_id, condition_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);
