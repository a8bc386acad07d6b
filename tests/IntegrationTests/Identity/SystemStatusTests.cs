using System.Net;

namespace IntegrationTests.Identity;

/// <summary>The admin System page's endpoint: dependencies, Quartz triggers, the alert outbox; admins only.</summary>
public sealed class SystemStatusTests
{
    [Fact]
    public async Task The_admin_sees_the_database_the_triggers_and_the_outbox_and_a_member_is_refused()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var member = await app.CreateSignedInClientAsync();

        var status = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/system?recheck=true");
        var refused = await member.Http.GetAsync("/api/v1/identity/admin/system");

        status.Status.ShouldBe(HttpStatusCode.OK);
        var database = status.Data.GetProperty("dependencies").EnumerateArray().ShouldHaveSingleItem();   // no Redis configured here
        database.GetProperty("name").GetString().ShouldBe("database");
        database.GetProperty("healthy").GetBoolean().ShouldBeTrue();
        status.Data.GetProperty("checkedAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(status.Data.GetProperty("at").GetDateTimeOffset());
        status.Data.GetProperty("triggers").EnumerateArray().Select(t => t.GetProperty("job").GetString())
            .ShouldContain(j => j!.EndsWith("upwork.purge-expired-job-postings", StringComparison.Ordinal));
        var upwork = status.Data.GetProperty("upwork");
        upwork.GetProperty("pendingDeliveries").GetInt32().ShouldBe(0);
        upwork.GetProperty("searches").GetArrayLength().ShouldBe(upwork.GetProperty("savedSearches").GetInt32());
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
