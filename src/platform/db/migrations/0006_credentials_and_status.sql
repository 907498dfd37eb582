CREATE TABLE `credentials` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`holder_key_thumbprint` text NOT NULL,
	`kid` text NOT NULL,
	`claims` text NOT NULL,
	`issued_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`sd_jwt_hash` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credentials_subject` ON `credentials` (`district_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `status_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`list_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`consent_id` text,
	`issued_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `status_entries_slot` ON `status_entries` (`district_id`,`list_id`,`idx`);--> statement-breakpoint
CREATE TABLE `status_entry_events` (
	`district_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`event_id` text NOT NULL,
	PRIMARY KEY(`entry_id`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `status_entry_events_event` ON `status_entry_events` (`district_id`,`event_id`);