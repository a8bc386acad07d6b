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
        var system = status.Data.As<SystemStatus>();
        var database = system.Dependencies.ShouldHaveSingleItem();   // no Redis configured here
        database.Name.ShouldBe("database");
        database.Healthy.ShouldBeTrue();
        system.CheckedAt.ShouldBeLessThanOrEqualTo(system.At);
        system.Triggers.Select(t => t.Job)
            .ShouldContain(j => j.EndsWith("upwork.purge-expired-job-postings", StringComparison.Ordinal));
        system.Upwork.PendingDeliveries.ShouldBe(0);
        system.Upwork.Searches.Count.ShouldBe(system.Upwork.SavedSearches);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
