using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Ai.Features.PartitionGenerations;

namespace IntegrationTests.Ai;

/// <summary>On PostgreSQL, ai.generations is range-partitioned by month and the job keeps months created ahead.</summary>
public sealed class PartitionTests(PostgresApp fixture) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Generations_are_partitioned_by_month_and_the_job_creates_the_coming_months_once()
    {
        await using var db = await fixture.App.CreateDbContextAsync();
        (await db.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'ai'")
            .ToListAsync()).ShouldContain("generations");

        var job = fixture.App.Services.GetRequiredService<PartitionGenerations>();
        await job.RunAsync(CancellationToken.None);
        var again = await job.RunAsync(CancellationToken.None);

        again.ShouldBe(0);
        var now = DateTime.UtcNow;
        var expected = Enumerable.Range(0, PartitionGenerations.MonthsAhead + 1).Select(i => new DateTime(now.Year, now.Month, 1).AddMonths(i).ToString("'generations_'yyyy_MM")).ToList();
        var partitions = await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'ai' AND tablename LIKE 'generations_%'").ToListAsync();
        expected.ShouldBeSubsetOf(partitions);

        // A letter written now lands in this month's partition.
        var user = await fixture.App.CreateSignedInClientAsync();
        var response = await user.Http.PostAsJsonAsync("/api/v1/ai/generate-cover-letter", new { job = new { title = "Partition check" } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sql = "SELECT count(*)::int AS \"Value\" FROM ai." + expected[0] + " WHERE user_id = {0}";   // the table name is built from a date above
        var inMonth = await db.Database.SqlQueryRaw<int>(sql, user.UserId).SingleAsync();
        inMonth.ShouldBe(1);
    }
}
