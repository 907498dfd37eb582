CREATE TABLE `allocation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`rule_set_id` text NOT NULL,
	`version_id` text NOT NULL,
	`hash` text NOT NULL,
	`period` text NOT NULL,
	`fund` text,
	`total` text NOT NULL,
	`inputs` text NOT NULL,
	`result` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `rule_set_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `allocation_runs_rule_set` ON `allocation_runs` (`district_id`,`rule_set_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `api_clients` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`agency` text,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `api_clients_district` ON `api_clients` (`district_id`);--> statement-breakpoint
CREATE TABLE `benefits` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`cost` integer NOT NULL,
	`stock` integer,
	`holder_kinds` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `benefits_district` ON `benefits` (`district_id`,`valid_until`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`bank_client_id` text NOT NULL,
	`purpose` text NOT NULL,
	`scopes` text NOT NULL,
	`granted_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`evidence` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_client_id`) REFERENCES `api_clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_subject` ON `consents` (`district_id`,`subject_id`);--> statement-breakpoint
CREATE INDEX `consents_bank` ON `consents` (`district_id`,`bank_client_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `credit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`code` text NOT NULL,
	`occurred_on` text NOT NULL,
	`ended_on` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`agency` text NOT NULL,
	`evidence` text NOT NULL,
	`amounts` text NOT NULL,
	`note` text,
	`reverses_event_id` text,
	`external_id` text,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_events_id_unique` ON `credit_events` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_events_reverses_event_id_unique` ON `credit_events` (`reverses_event_id`);--> statement-breakpoint
CREATE INDEX `credit_events_subject` ON `credit_events` (`district_id`,`subject_id`,`occurred_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_events_external` ON `credit_events` (`district_id`,`agency`,`external_id`);--> statement-breakpoint
CREATE INDEX `credit_events_code` ON `credit_events` (`district_id`,`code`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `gep_measurements` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`indicator` text NOT NULL,
	`value` text NOT NULL,
	`unit` text NOT NULL,
	`quantity` text NOT NULL,
	`source` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `gep_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gep_measurements_unit_year` ON `gep_measurements` (`unit_id`,`year`,`indicator`,`seq`);--> statement-breakpoint
CREATE TABLE `gep_units` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`owner_subject_id` text,
	`area_ha` text NOT NULL,
	`ecosystem_types` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gep_units_code` ON `gep_units` (`district_id`,`code`);--> statement-breakpoint
CREATE INDEX `gep_units_owner` ON `gep_units` (`district_id`,`owner_subject_id`);--> statement-breakpoint
CREATE TABLE `idempotency_records` (
	`district_id` text NOT NULL,
	`principal` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`district_id`, `principal`, `key`)
);
--> statement-breakpoint
CREATE TABLE `loan_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`bank_client_id` text NOT NULL,
	`consent_id` text NOT NULL,
	`product_id` text NOT NULL,
	`product_hash` text NOT NULL,
	`eligible` integer NOT NULL,
	`ceiling` text NOT NULL,
	`request` text NOT NULL,
	`result` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_assessments_subject` ON `loan_assessments` (`district_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`event_id` text NOT NULL,
	`statement` text NOT NULL,
	`filed_at` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text,
	`reversal_event_id` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `credit_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objections_subject` ON `objections` (`district_id`,`subject_id`);--> statement-breakpoint
CREATE INDEX `objections_status` ON `objections` (`district_id`,`status`,`due_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `objections_open_event` ON `objections` (`event_id`) WHERE status = 'open';--> statement-breakpoint
CREATE TABLE `points_ledger` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`district_id` text NOT NULL,
	`holder_id` text NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`action_code` text,
	`source` text,
	`earned_on` text NOT NULL,
	`available_on` text NOT NULL,
	`expires_on` text,
	`dedup_key` text,
	`lot_id` text,
	`redemption_id` text,
	`reason` text NOT NULL,
	`evidence` text,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`rule_set_id` text,
	`rule_set_hash` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `points_ledger_id_unique` ON `points_ledger` (`id`);--> statement-breakpoint
CREATE INDEX `points_ledger_balance` ON `points_ledger` (`district_id`,`holder_id`,`available_on`,`points`);--> statement-breakpoint
CREATE INDEX `points_ledger_action_day` ON `points_ledger` (`district_id`,`holder_id`,`action_code`,`earned_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_ledger_dedup` ON `points_ledger` (`district_id`,`dedup_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_ledger_lot_event` ON `points_ledger` (`lot_id`,`kind`);--> statement-breakpoint
CREATE INDEX `points_ledger_stats` ON `points_ledger` (`district_id`,`earned_on`,`kind`);--> statement-breakpoint
CREATE TABLE `points_source_consents` (
	`district_id` text NOT NULL,
	`holder_id` text NOT NULL,
	`source` text NOT NULL,
	`enabled` integer NOT NULL,
	`changed_at` text NOT NULL,
	PRIMARY KEY(`district_id`, `holder_id`, `source`),
	FOREIGN KEY (`holder_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `query_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`action` text NOT NULL,
	`purpose` text NOT NULL,
	`consent_id` text,
	`report_id` text
);
--> statement-breakpoint
CREATE INDEX `query_log_subject` ON `query_log` (`district_id`,`subject_id`,`seq`);--> statement-breakpoint
CREATE INDEX `query_log_district` ON `query_log` (`district_id`,`seq`);--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`benefit_id` text NOT NULL,
	`holder_id` text NOT NULL,
	`unit` integer NOT NULL,
	`cost` integer NOT NULL,
	`redeemed_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`benefit_id`) REFERENCES `benefits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_unit` ON `redemptions` (`benefit_id`,`unit`);--> statement-breakpoint
CREATE INDEX `redemptions_holder` ON `redemptions` (`district_id`,`holder_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`bank_client_id` text NOT NULL,
	`consent_id` text NOT NULL,
	`kid` text NOT NULL,
	`purpose` text NOT NULL,
	`scopes` text NOT NULL,
	`issued_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`jws_hash` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_subject` ON `reports` (`district_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `rule_set_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`rule_set_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`hash` text NOT NULL,
	`source` text NOT NULL,
	`document` text NOT NULL,
	`status` text NOT NULL,
	`effective_from` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`published_at` text,
	`published_by` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_set_versions_hash` ON `rule_set_versions` (`district_id`,`rule_set_id`,`hash`);--> statement-breakpoint
CREATE INDEX `rule_set_versions_lookup` ON `rule_set_versions` (`district_id`,`rule_set_id`,`status`,`effective_from`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`public_jwk` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text,
	`last_report_expires_at` text,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signing_keys_district` ON `signing_keys` (`district_id`,`retired_at`);--> statement-breakpoint
CREATE TABLE `subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`district_id` text NOT NULL,
	`kind` text NOT NULL,
	`lookup_hash` text NOT NULL,
	`display_id` text NOT NULL,
	`name` text,
	`region_code` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subjects_district_lookup` ON `subjects` (`district_id`,`lookup_hash`);--> statement-breakpoint
CREATE INDEX `subjects_district_id` ON `subjects` (`district_id`,`id`);