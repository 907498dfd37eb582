CREATE TABLE `status_lists` (
	`district_id` text NOT NULL,
	`list_id` integer NOT NULL,
	`used` integer NOT NULL,
	PRIMARY KEY(`district_id`, `list_id`),
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `status_lists` (`district_id`, `list_id`, `used`) SELECT `district_id`, `list_id`, count(*) FROM `status_entries` GROUP BY `district_id`, `list_id`;
