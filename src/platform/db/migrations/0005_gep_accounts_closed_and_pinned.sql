CREATE TABLE `gep_account_pins` (
	`district_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`method_version_id` text NOT NULL,
	`pinned_at` text NOT NULL,
	`pinned_by` text NOT NULL,
	PRIMARY KEY(`unit_id`, `year`),
	FOREIGN KEY (`unit_id`) REFERENCES `gep_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gep_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`revision` integer NOT NULL,
	`method_version_id` text NOT NULL,
	`method_hash` text NOT NULL,
	`total` text NOT NULL,
	`account` text NOT NULL,
	`note` text,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `gep_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gep_accounts_revision` ON `gep_accounts` (`unit_id`,`year`,`revision`);--> statement-breakpoint
CREATE INDEX `gep_accounts_unit_year` ON `gep_accounts` (`district_id`,`unit_id`,`year`,`closed_at`);--> statement-breakpoint
ALTER TABLE `gep_units` ADD `parent_code` text;--> statement-breakpoint
ALTER TABLE `gep_units` ADD `roll_up` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `gep_units` ADD `red_line_area_ha` text;--> statement-breakpoint
ALTER TABLE `gep_units` ADD `forest_area_ha` text;