//! The `discount_condition_product_tag` table.

link_table!("discount_condition_product_tag": product_tag_id, condition_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);
