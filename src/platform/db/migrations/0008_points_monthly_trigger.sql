-- The monthly sums of the points ledger (points_monthly), kept by the database itself: every ledger
-- entry, however it is written, adds its points in the same transaction. The ledger is append-only,
-- so the sums stay exact; existing entries are summed once here.
INSERT INTO `points_monthly` (`district_id`, `month`, `kind`, `action_code`, `points`)
SELECT `district_id`, substr(`earned_on`, 1, 7), `kind`, coalesce(`action_code`, ''), sum(`points`) FROM `points_ledger` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `points_ledger_monthly` AFTER INSERT ON `points_ledger` BEGIN
  INSERT INTO `points_monthly` (`district_id`, `month`, `kind`, `action_code`, `points`)
  VALUES (NEW.`district_id`, substr(NEW.`earned_on`, 1, 7), NEW.`kind`, coalesce(NEW.`action_code`, ''), NEW.`points`)
  ON CONFLICT (`district_id`, `month`, `kind`, `action_code`) DO UPDATE SET `points` = `points` + excluded.`points`;
END;
