using System.Text.RegularExpressions;

namespace IntegrationTests;

/// <summary>Posting the server-rendered <c>/account/*</c> forms as a browser would: antiforgery token, form name, fields.</summary>
internal static partial class AccountForms
{
    /// <summary>Reads the page for its antiforgery token, then posts the sign-in form.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var token = InputValue(await browser.GetStringAsync("/account/login"), "__RequestVerificationToken");
        return await browser.PostAsync("/account/login", Form(token, "signin", ("Input.Email", email), ("Input.Password", password)));
    }

    public static FormUrlEncodedContent Form(string antiforgery, string formName, params (string Name, string Value)[] fields) =>
        new([new("_handler", formName), new("__RequestVerificationToken", antiforgery), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>The value of the named input in a rendered page (attributes in any order), HTML-decoded.</summary>
    public static string InputValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
                return WebUtility.HtmlDecode(value.Groups[1].Value);
        throw new ShouldAssertException($"No input named {name} in the page");
    }

    /// <summary>The text of the element marked <c>data-testid="<paramref name="testId"/>"</c>, or null.</summary>
    public static string? TestIdText(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
