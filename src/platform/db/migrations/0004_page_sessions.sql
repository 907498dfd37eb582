CREATE TABLE `page_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`client_id` text,
	`subject_kind` text,
	`lookup_hash` text,
	`issuer` text,
	`login` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `page_sessions_expires` ON `page_sessions` (`expires_at`);