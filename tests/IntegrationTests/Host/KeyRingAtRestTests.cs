using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Host;

/// <summary>
/// Issue 17 (low): the data-protection key ring is stored sealed with the master key. The attack on the old code:
/// read <c>identity.data_protection_keys</c> (a backup, a replica) and take each key's <c>&lt;masterKey&gt;</c> in plain
/// XML, enough to forge anyone's sign-in cookie. Now the table holds only sealed keys, and a restart reads them back.
/// </summary>
public sealed partial class KeyRingAtRestTests
{
    private static readonly string Key1 = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(77, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task The_stored_key_ring_holds_no_plaintext_key_and_a_cookie_from_before_a_restart_still_works()
    {
        var folder = TestEnvironment.NewTempDirectory("ua-keyring");
        var database = $"Data Source={Path.Combine(folder, "keyring.db")};Pooling=False";
        var cookies = new CookieContainer();
        string sealedPayload;

        await using (var before = new AppFactory(DatabaseKind.Sqlite, Settings(database, Key1)))
        {
            await before.StartAsync();
            var user = await before.CreateSignedInClientAsync();
            var browser = Browser(before, cookies);
            var token = InputValue(await browser.GetStringAsync("/account/login"), "__RequestVerificationToken");
            await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin", ["__RequestVerificationToken"] = token, ["Input.Email"] = user.Email, ["Input.Password"] = user.Password,
            }));
            cookies.GetCookies(before.Server.BaseAddress).Select(c => c.Name).ShouldContain("ua-auth");
            (await browser.GetAsync("/upwork/connection")).StatusCode.ShouldBe(HttpStatusCode.OK);
            sealedPayload = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Protect("still me");

            await using var db = await before.CreateDbContextAsync();
            var ring = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
            ring.ShouldNotBeEmpty();
            foreach (var key in ring.Select(System.Xml.Linq.XElement.Parse))
            {
                key.Descendants().Select(e => e.Name.LocalName).ShouldNotContain("masterKey");
                key.Descendants().Select(e => e.Name.LocalName).ShouldNotContain("value");
                key.Descendants().Single(e => e.Name.LocalName == "sealedKey").Value.ShouldStartWith("v1.", Case.Sensitive, "sealed with master key version 1");
            }
        }

        await using (var after = new AppFactory(DatabaseKind.Sqlite, Settings(database, Key1)))
        {
            await after.StartAsync();
            after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Unprotect(sealedPayload).ShouldBe("still me");
            var browser = Browser(after, cookies);
            var page = await browser.GetAsync("/upwork/connection");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in cookie from before the restart still opens the page");
            (await Browser(after, new CookieContainer()).GetAsync("/upwork/connection")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "without the cookie it does not");
        }

        // The ring is sealed with the master key: another master key cannot open it (nor the payload).
        await using var stranger = new AppFactory(DatabaseKind.Sqlite, Settings(database, OtherKey));
        await stranger.StartAsync();
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            stranger.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test").Unprotect(sealedPayload));
    }

    private static HttpClient Browser(AppFactory app, CookieContainer cookies)
    {
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        return client;
    }

    private static Dictionary<string, string?> Settings(string database, string key) => new()
    {
        ["ConnectionStrings:Sqlite"] = database, ["Security:EncryptionKeys:1"] = key, ["Security:ActiveKeyVersion"] = "1",
    };

    private static string InputValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
                return WebUtility.HtmlDecode(value.Groups[1].Value);
        throw new ShouldAssertException($"No input named {name} in the page");
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
