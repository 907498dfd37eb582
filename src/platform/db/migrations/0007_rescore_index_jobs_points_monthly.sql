CREATE TABLE `points_monthly` (
	`district_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`action_code` text NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`district_id`, `month`, `kind`, `action_code`)
);
--> statement-breakpoint
CREATE TABLE `rescore_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`status` text NOT NULL,
	`as_of` text NOT NULL,
	`scorecard_id` text,
	`subjects_total` integer NOT NULL,
	`subjects_done` integer DEFAULT 0 NOT NULL,
	`events_done` integer DEFAULT 0 NOT NULL,
	`results` text NOT NULL,
	`cursor` text DEFAULT '' NOT NULL,
	`lease_holder` text,
	`lease_until` text DEFAULT '' NOT NULL,
	`error` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rescore_jobs_district` ON `rescore_jobs` (`district_id`,`created_at`);--> statement-breakpoint
DROP INDEX `credit_events_subject`;--> statement-breakpoint
CREATE INDEX `credit_events_subject` ON `credit_events` (`district_id`,`subject_id`,`code`,`occurred_on`,`ended_on`,`recorded_at`,`reverses_event_id`,`amounts`);