DROP INDEX `metric_readings_metric_time_idx`;--> statement-breakpoint
ALTER TABLE `metric_readings` ADD `recorded_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `metric_readings_metric_day_uq` ON `metric_readings` (`metric_id`,`measured_at`);--> statement-breakpoint
ALTER TABLE `action_plans` ADD `number` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `action_plans` ADD `owner_name` text;--> statement-breakpoint
ALTER TABLE `action_plans` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `action_plans_tenant_number_uq` ON `action_plans` (`tenant_id`,`number`);--> statement-breakpoint
ALTER TABLE `metrics` ADD `root_cause_id` text;--> statement-breakpoint
ALTER TABLE `metrics` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_tenant_name_key_uq` ON `metrics` (`tenant_id`,`name_key`);