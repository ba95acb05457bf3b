// The CLI's help text. Kept beside the commands so the two never drift apart.
export const CLI_USAGE = `cx-habits: customer-experience habits from the command line

Usage:
  cx-habits import-issues FILE.csv --map theme=COLUMN[,driver=COLUMN,customer=COLUMN,...]
                          [--date-order ymd|mdy|dmy] [--source complaint|return|inquiry|survey|other]
                          [--delimiter ,]
  cx-habits import-survey FILE.csv --outcome COLUMN [--aspects A,B,C] [--na 0]
                          [--positive VALUE] [--customer COLUMN] [--segment COLUMN] [--name NAME]
  cx-habits pareto  [--driver NAME] [--by count|customer-cost|company-cost|revenue] [--since 30d] [--until YYYY-MM-DD]
  cx-habits impact  [--theme SLUG] [--driver NAME] [--since 30d]
  cx-habits drivers [--survey ID]
  cx-habits export  [--format csv|json] [--out FILE] [--theme SLUG] [--driver NAME] [--since 30d]
  cx-habits run "/cx-... text"      run any chat command, e.g. run "/cx theme list"

Every command takes:
  --db PATH       the SQLite database (default: DATABASE_PATH, or ./data/cx-habits.db)
  --tenant ID     the workspace to work in (default: local, the playground's)
  --json          machine-readable output
  --help          this text

Mapping fields for --map: theme (required), driver, customer, summary, description, date,
cost, company-cost, source, id (an external id: re-importing skips rows already imported),
revenue and core-growth (customer attributes).

Example:
  cx-habits import-issues complaints.csv \\
    --map theme=Issue,driver=Product,customer=Company,description="Consumer complaint narrative",date="Date received",id="Complaint ID"
  cx-habits pareto --json
`;
