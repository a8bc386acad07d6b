using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UpworkAssistant.App.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // FTS5 index over title and description, kept in step by triggers (external content: the text is stored once).
            // A future migration that rebuilds upwork_jobs must recreate these triggers and rebuild the index.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE upwork_jobs_fts USING fts5(title, description, content='upwork_jobs', content_rowid='rowid', tokenize=\"unicode61 remove_diacritics 2 tokenchars '#+.-'\");");
            migrationBuilder.Sql("INSERT INTO upwork_jobs_fts(rowid, title, description) SELECT rowid, title, description FROM upwork_jobs;");
            migrationBuilder.Sql("CREATE TRIGGER upwork_jobs_fts_insert AFTER INSERT ON upwork_jobs BEGIN INSERT INTO upwork_jobs_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); END;");
            migrationBuilder.Sql("CREATE TRIGGER upwork_jobs_fts_delete AFTER DELETE ON upwork_jobs BEGIN INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description); END;");
            migrationBuilder.Sql("CREATE TRIGGER upwork_jobs_fts_update AFTER UPDATE OF title, description ON upwork_jobs BEGIN INSERT INTO upwork_jobs_fts(upwork_jobs_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description); INSERT INTO upwork_jobs_fts(rowid, title, description) VALUES (new.rowid, new.title, new.description); END;");


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS upwork_jobs_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS upwork_jobs_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS upwork_jobs_fts_update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS upwork_jobs_fts;");


        }
    }
}
