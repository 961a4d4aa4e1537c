//! The `product_tax_rate` table.

link_table!("product_tax_rate": product_id, rate_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);
