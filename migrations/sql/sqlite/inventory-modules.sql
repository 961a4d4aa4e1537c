-- SQLite's equivalent of ../postgres/inventory-modules.sql (types mapped as tools/pg-to-sqlite.py maps
-- Medusa's schema).

CREATE TABLE IF NOT EXISTS inventory_item (
    id varchar NOT NULL,
    created_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    updated_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    deleted_at TEXT,
    sku text,
    origin_country text,
    hs_code text,
    mid_code text,
    material text,
    weight integer,
    length integer,
    height integer,
    width integer,
    requires_shipping boolean DEFAULT true NOT NULL,
    metadata TEXT,
    title varchar,
    description varchar,
    thumbnail varchar,
    CONSTRAINT "PK_inventory_item_id" PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS inventory_level (
    id varchar NOT NULL,
    created_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    updated_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    deleted_at TEXT,
    inventory_item_id text NOT NULL,
    location_id text NOT NULL,
    stocked_quantity integer DEFAULT 0 NOT NULL,
    reserved_quantity integer DEFAULT 0 NOT NULL,
    incoming_quantity integer DEFAULT 0 NOT NULL,
    metadata TEXT,
    CONSTRAINT "PK_inventory_level_id" PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS reservation_item (
    id varchar NOT NULL,
    created_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    updated_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    deleted_at TEXT,
    line_item_id text,
    inventory_item_id text NOT NULL,
    location_id text NOT NULL,
    quantity integer NOT NULL,
    metadata TEXT,
    external_id varchar,
    description varchar,
    created_by varchar,
    CONSTRAINT "PK_reservation_item_id" PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS stock_location (
    id varchar NOT NULL,
    created_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    updated_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    deleted_at TEXT,
    name text NOT NULL,
    address_id text,
    metadata TEXT,
    CONSTRAINT "PK_adf770067d0df1421f525fa25cc" PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS stock_location_address (
    id varchar NOT NULL,
    created_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    updated_at TEXT DEFAULT (replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+')) NOT NULL,
    deleted_at TEXT,
    address_1 text NOT NULL,
    address_2 text,
    company text,
    city text,
    country_code text NOT NULL,
    phone text,
    province text,
    postal_code text,
    metadata TEXT,
    CONSTRAINT "PK_b79bc27285bede680501b7b81a5" PRIMARY KEY (id)
);

CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inventory_item_sku" ON inventory_item (sku) WHERE (deleted_at IS NULL);
CREATE INDEX IF NOT EXISTS "IDX_inventory_level_inventory_item_id" ON inventory_level (inventory_item_id);
CREATE INDEX IF NOT EXISTS "IDX_inventory_level_location_id" ON inventory_level (location_id);
CREATE UNIQUE INDEX IF NOT EXISTS "UQ_inventory_level_inventory_item_id_location_id" ON inventory_level (inventory_item_id, location_id);
CREATE INDEX IF NOT EXISTS "IDX_reservation_item_inventory_item_id" ON reservation_item (inventory_item_id) WHERE (deleted_at IS NULL);
CREATE INDEX IF NOT EXISTS "IDX_reservation_item_line_item_id" ON reservation_item (line_item_id) WHERE (deleted_at IS NULL);
CREATE INDEX IF NOT EXISTS "IDX_reservation_item_location_id" ON reservation_item (location_id) WHERE (deleted_at IS NULL);
CREATE INDEX IF NOT EXISTS "IDX_stock_location_address_country_code" ON stock_location_address (country_code);
CREATE INDEX IF NOT EXISTS "IDX_stock_location_address_id" ON stock_location (address_id) WHERE (deleted_at IS NOT NULL);
