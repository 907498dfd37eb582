CREATE TABLE `points_monthly` (
	`district_id` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`action_code` text NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`district_id`, `month`, `kind`, `action_code`)
);
