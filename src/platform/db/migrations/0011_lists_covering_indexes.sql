DROP INDEX `credit_events_code`;--> statement-breakpoint
CREATE INDEX `credit_events_code` ON `credit_events` (`code`,`district_id`,`occurred_on`,`subject_id`,`ended_on`,`recorded_at`,`reverses_event_id`,`id`);--> statement-breakpoint
DROP INDEX `subjects_district_id`;--> statement-breakpoint
CREATE INDEX `subjects_district_id` ON `subjects` (`district_id`,`id`,`kind`,`display_id`,`name`);