using Microsoft.EntityFrameworkCore;
using Modules.Identity.Data;

namespace IntegrationTests.Identity;

/// <summary>Open registration as an admin setting (stored wins over configuration) and single-use, expiring invitation links.</summary>
public sealed class InvitationTests
{
    private static Task<HttpResponseMessage> RegisterAsync(AppFactory app, string email, string? inviteToken = null) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email, password = SignedInClient.DefaultPassword, inviteToken });

    private static string NewEmail() => $"invitee-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task With_registration_closed_only_an_invitation_link_lets_someone_in_and_only_once()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var member = await app.CreateSignedInClientAsync();

        var memberCloses = await member.Http.PutAsJsonAsync("/api/v1/identity/admin/registration", new { openRegistration = false });
        var close = await Envelope.ReadAsync(await admin.Http.PutAsJsonAsync("/api/v1/identity/admin/registration", new { openRegistration = false }));
        var setting = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/registration");
        var closed = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail()));
        var memberInvites = await member.Http.PostAsJsonAsync("/api/v1/identity/admin/invitations", new { });
        var invite = await Envelope.ReadAsync(await admin.Http.PostAsJsonAsync("/api/v1/identity/admin/invitations", new { expiresInDays = 2 }));
        var token = invite.Data.As<NewInvitation>().Token;
        var invitee = NewEmail();
        var viaInvite = await Envelope.ReadAsync(await RegisterAsync(app, invitee, token));
        var again = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), token));
        var forged = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), "not-a-real-invitation"));
        var list = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/invitations");
        var users = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/users");

        memberCloses.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        memberInvites.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        close.Status.ShouldBe(HttpStatusCode.OK);
        setting.Data.As<RegistrationSetting>().OpenRegistration.ShouldBeFalse();
        closed.Status.ShouldBe(HttpStatusCode.Forbidden);
        closed.Message.ShouldContain("invitation");
        invite.Status.ShouldBe(HttpStatusCode.Created);
        invite.Data.As<NewInvitation>().Link.ShouldEndWith($"/account/register?invite={token}");
        viaInvite.Status.ShouldBe(HttpStatusCode.Created, viaInvite.Root.ToString());
        again.Status.ShouldBe(HttpStatusCode.Forbidden);
        again.Message.ShouldContain("already been used");
        forged.Status.ShouldBe(HttpStatusCode.Forbidden);
        forged.Message.ShouldContain("not valid");
        list.Data.As<IReadOnlyList<InvitationRow>>().ShouldHaveSingleItem().Status.ShouldBe("used");
        users.Data.As<IReadOnlyList<WorkspaceUser>>().Single(u => u.Email == invitee).Role.ShouldBe("Bidder");
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_with_a_clear_message_and_a_registration_that_fails_does_not_spend_the_link()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Auth:OpenRegistration"] = "false" });
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var first = await Envelope.ReadAsync(await admin.Http.PostAsJsonAsync("/api/v1/identity/admin/invitations", new { }));
        var second = await Envelope.ReadAsync(await admin.Http.PostAsJsonAsync("/api/v1/identity/admin/invitations", new { }));
        await using (var db = await app.CreateDbContextAsync())
        {
            var id = first.Data.As<Created>().Id;
            var row = await db.Set<Invitation>().SingleAsync(i => i.Id == id);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var expired = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), first.Data.As<NewInvitation>().Token));
        var token = second.Data.As<NewInvitation>().Token;
        var taken = await Envelope.ReadAsync(await RegisterAsync(app, admin.Email, token));
        var good = await Envelope.ReadAsync(await RegisterAsync(app, NewEmail(), token));

        expired.Status.ShouldBe(HttpStatusCode.Forbidden);
        expired.Message.ShouldContain("expired");
        taken.Status.ShouldBe(HttpStatusCode.Conflict);
        good.Status.ShouldBe(HttpStatusCode.Created, good.Root.ToString());
    }

    [Fact]
    public async Task The_admins_stored_choice_wins_over_the_configuration_file_once_made()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Auth:OpenRegistration"] = "false" });
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();

        var before = await admin.Http.GetEnvelopeAsync("/api/v1/identity/admin/registration");
        var refused = await RegisterAsync(app, NewEmail());
        await admin.Http.PutAsJsonAsync("/api/v1/identity/admin/registration", new { openRegistration = true });
        var accepted = await RegisterAsync(app, NewEmail());

        before.Data.As<RegistrationSetting>().OpenRegistration.ShouldBeFalse();
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
