ALTER TABLE `idempotency_records` ADD `claim` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `idempotency_records` ADD `lease_until` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `idempotency_records` ADD `result` text;