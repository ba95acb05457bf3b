ALTER TABLE `digest_runs` ADD `next_attempt_at` integer;--> statement-breakpoint
CREATE INDEX `digest_runs_retry_idx` ON `digest_runs` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `digest_schedules` ADD `label` text;--> statement-breakpoint
ALTER TABLE `digest_schedules` ADD `checked_until` integer;