import type Database from 'better-sqlite3';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SurveyImport, SurveyResponse } from '../../core/domain/types.js';
import type {
  SurveyColumns,
  SurveyCrosstabs,
  SurveyRepository,
} from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { surveyImports } from '../schema/index.js';
import { notFound, withConflict } from '../storage-errors.js';
import {
  extractable,
  jsonPath,
  toColumns,
  toColumnsExtracted,
  unionAspects,
  type ExtractedCells,
  type ResponseCells,
} from './survey-columns.js';
import {
  CUSTOMER_FLAG,
  SELECT_OUTCOMES,
  SELECT_PAIRS,
  UPSERT_OUTCOME,
  UPSERT_PAIR,
  crosstabRows,
  type OutcomeRow,
  type PairRow,
} from './survey-crosstabs.js';

type SurveyImportRow = typeof surveyImports.$inferSelect;
type NewSurveyImport = Omit<SurveyImport, 'tenantId' | 'rowCount'>;
type NewResponse = Omit<SurveyResponse, 'tenantId' | 'importId'>;
type ResponseParams = [string, string, number, string | null, number | null, number | null, string];
type ScopeParams = [string, string | null, string | null];

const toSurveyImport = (row: SurveyImportRow): SurveyImport => ({
  id: row.id,
  tenantId: row.tenantId,
  name: row.name,
  outcomeColumn: row.outcomeColumn,
  outcomeKind: row.outcomeKind,
  positiveValue: row.positiveValue,
  aspects: row.aspects,
  naValue: row.naValue,
  rowCount: row.rowCount,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

const coreGrowthValue = (value: boolean | null): number | null =>
  value === null ? null : value ? 1 : 0;

// A response without its own segment flag takes its customer's core-growth flag.
const RESPONSES_OF = `FROM survey_responses r JOIN survey_imports i ON i.id = r.import_id
  LEFT JOIN customers c ON c.id = r.customer_id AND c.tenant_id = r.tenant_id
  WHERE r.tenant_id = ? AND i.tenant_id = ? AND (? IS NULL OR r.import_id = ?)`;

export class SqliteSurveyRepository implements SurveyRepository {
  private readonly sqlite: Database.Database;
  private readonly insertResponse: Database.Statement<ResponseParams>;
  private readonly countResponses: Database.Statement<string[], { n: number }>;
  private readonly responseCells: Database.Statement<string[], ResponseCells>;
  private readonly extracted = new Map<number, Database.Statement<string[], ExtractedCells>>();
  private readonly upsertPair: Database.Statement<PairRow>;
  private readonly upsertOutcome: Database.Statement<OutcomeRow>;
  private readonly customerFlag: Database.Statement<[string, string], number>;
  private readonly pairCounts: Database.Statement<
    ScopeParams,
    [number, string, number, number, number]
  >;
  private readonly outcomeCounts: Database.Statement<ScopeParams, [number, number | null, number]>;

  constructor(private readonly db: Db) {
    this.sqlite = db.$client;
    this.insertResponse = this.sqlite.prepare<ResponseParams>(
      `INSERT INTO survey_responses (tenant_id, import_id, row_number, customer_id, core_growth,
        outcome, ratings) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.countResponses = this.sqlite.prepare(`SELECT COUNT(*) AS n ${RESPONSES_OF}`);
    // Rows follow the imports' order (the order listImports gives) and then the file's order.
    this.responseCells = this.sqlite.prepare(
      `SELECT r.import_id, COALESCE(r.core_growth, c.core_growth) AS core_growth, r.outcome, r.ratings ${RESPONSES_OF}
       ORDER BY i.created_at, i.id, r.row_number`,
    );
    this.upsertPair = this.sqlite.prepare<PairRow>(UPSERT_PAIR);
    this.upsertOutcome = this.sqlite.prepare<OutcomeRow>(UPSERT_OUTCOME);
    this.customerFlag = this.sqlite.prepare<[string, string], number>(CUSTOMER_FLAG).pluck(true);
    this.pairCounts = this.sqlite
      .prepare<ScopeParams, [number, string, number, number, number]>(SELECT_PAIRS)
      .raw(true);
    this.outcomeCounts = this.sqlite
      .prepare<ScopeParams, [number, number | null, number]>(SELECT_OUTCOMES)
      .raw(true);
  }

  createImport(tenantId: string, survey: NewSurveyImport): SurveyImport {
    const row = { ...survey, tenantId, rowCount: 0 };
    withConflict(`Survey import ${survey.id}`, () =>
      this.db.insert(surveyImports).values(row).run(),
    );
    return toSurveyImport(row);
  }

  addResponses(tenantId: string, importId: string, responses: NewResponse[]): void {
    this.sqlite
      .transaction(() => {
        const survey = this.getImport(tenantId, importId);
        if (!survey) throw notFound('Survey import', importId);
        withConflict(`A response row in survey import ${importId}`, () => {
          for (const r of responses) {
            this.insertResponse.run(
              tenantId,
              importId,
              r.rowNumber,
              r.customerId,
              coreGrowthValue(r.coreGrowth),
              r.outcome,
              JSON.stringify(r.ratings),
            );
          }
        });
        // The key-driver tables move with the responses, in the same transaction.
        const counted = crosstabRows(survey, responses, this.flagsOf(tenantId));
        for (const row of counted.pairs) this.upsertPair.run(...row);
        for (const row of counted.outcomes) this.upsertOutcome.run(...row);
        this.db
          .update(surveyImports)
          .set({ rowCount: sql`${surveyImports.rowCount} + ${responses.length}` })
          .where(and(eq(surveyImports.tenantId, tenantId), eq(surveyImports.id, importId)))
          .run();
      })
      .immediate();
  }

  listImports(tenantId: string): SurveyImport[] {
    return this.db
      .select()
      .from(surveyImports)
      .where(eq(surveyImports.tenantId, tenantId))
      .orderBy(asc(surveyImports.createdAt), asc(surveyImports.id))
      .all()
      .map(toSurveyImport);
  }

  getImport(tenantId: string, importId: string): SurveyImport | null {
    const row = this.db
      .select()
      .from(surveyImports)
      .where(and(eq(surveyImports.tenantId, tenantId), eq(surveyImports.id, importId)))
      .get();
    return row ? toSurveyImport(row) : null;
  }

  columns(tenantId: string, importId?: string): SurveyColumns {
    // One read transaction, so the count and the rows come from the same snapshot.
    return this.sqlite.transaction(() => {
      const imports =
        importId === undefined
          ? this.listImports(tenantId)
          : [this.getImport(tenantId, importId)].filter((s): s is SurveyImport => s !== null);
      const params = [tenantId, tenantId, importId ?? null, importId ?? null] as string[];
      const size = this.countResponses.get(...params)?.n ?? 0;
      const aspects = unionAspects(imports);
      if (!extractable(aspects))
        return toColumns(imports, size, this.responseCells.iterate(...params));
      const rows = this.extractedCells(aspects.length).iterate(...aspects.map(jsonPath), ...params);
      return toColumnsExtracted(imports, size, rows);
    })();
  }

  /** A customer's core-growth flag (null when not the tenant's), looked up once per batch. */
  private flagsOf(tenantId: string): (customerId: string) => boolean | null {
    const known = new Map<string, boolean | null>();
    return (customerId) => {
      let flag = known.get(customerId);
      if (flag === undefined) {
        const value = this.customerFlag.get(tenantId, customerId);
        flag = value === undefined ? null : value === 1;
        known.set(customerId, flag);
      }
      return flag;
    };
  }

  crosstabs(tenantId: string, importId?: string): SurveyCrosstabs {
    // One read transaction, so both tables come from the same snapshot.
    return this.sqlite.transaction(() => {
      const imports =
        importId === undefined
          ? this.listImports(tenantId)
          : [this.getImport(tenantId, importId)].filter((s): s is SurveyImport => s !== null);
      const aspects = unionAspects(imports);
      const inScope = new Set(aspects);
      const params: ScopeParams = [tenantId, importId ?? null, importId ?? null];
      const pairs: SurveyCrosstabs['pairs'] = [];
      for (const [segment, aspect, rating, outcome, count] of this.pairCounts.all(...params))
        if (inScope.has(aspect)) pairs.push({ segment, aspect, rating, outcome, count });
      const outcomes = this.outcomeCounts
        .all(...params)
        .map(([segment, outcome, count]) => ({ segment, outcome, count }));
      return { aspects, pairs, outcomes };
    })();
  }

  /** The rows with each aspect's rating extracted by SQLite; one statement per width. */
  private extractedCells(width: number): Database.Statement<string[], ExtractedCells> {
    let statement = this.extracted.get(width);
    if (!statement) {
      const ratings = Array.from({ length: width }, () => ', json_extract(r.ratings, ?)').join('');
      statement = this.sqlite
        .prepare<string[], ExtractedCells>(
          `SELECT r.import_id, COALESCE(r.core_growth, c.core_growth), r.outcome${ratings} ${RESPONSES_OF}
           ORDER BY i.created_at, i.id, r.row_number`,
        )
        .raw(true);
      this.extracted.set(width, statement);
    }
    return statement;
  }

  /** Its responses go with it (ON DELETE CASCADE). */
  deleteImport(tenantId: string, importId: string): void {
    this.db
      .delete(surveyImports)
      .where(and(eq(surveyImports.tenantId, tenantId), eq(surveyImports.id, importId)))
      .run();
  }
}
