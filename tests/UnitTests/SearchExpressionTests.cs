using Modules.Upwork.Searches;

namespace UnitTests;

/// <summary>What a saved search's words are sent to Upwork as: Lucene syntax kept, Lucene specials in words escaped.</summary>
public sealed class SearchExpressionTests
{
    [Theory]
    [InlineData("python OR django", "python OR django")]
    [InlineData("Blazor AND NOT WordPress", "Blazor AND NOT WordPress")]
    [InlineData("C++ developer", @"C\+\+ developer")]
    [InlineData("C# .NET", "C# .NET")]
    [InlineData("Vue: Nuxt migration", @"Vue\: Nuxt migration")]
    [InlineData("\"machine learning\" -crypto", "\"machine learning\" -crypto")]
    [InlineData("27\" monitor", "27\\\" monitor")]
    [InlineData("(react OR vue) AND typescript", "(react OR vue) AND typescript")]
    [InlineData("react) vue (", @"react \) vue \(")]
    [InlineData("python AND", "python")]
    [InlineData("OR python", "python")]
    [InlineData("R&D / data", @"R\&D \/ data")]
    [InlineData("node.js and express", "node.js and express")]
    public void Words_keep_their_case_and_operators_and_specials_are_escaped(string typed, string sent) =>
        UpworkSearchFilter.Expression(typed).ShouldBe(sent);

    [Fact]
    public void Searches_differing_only_in_case_share_a_key_and_plain_searches_keep_the_key_they_had()
    {
        static Modules.Upwork.Data.SavedSearch Search(string q) => new() { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "x", FilterKey = "", Query = q };
        static string Key(string q) => UpworkSearchFilter.Key(UpworkSearchFilter.From(Search(q)));

        Key("Blazor Developer").ShouldBe(Key("blazor developer"));
        Key("python OR django").ShouldNotBe(Key("python or django"));   // an operator is not a word
        // The key before issue 16: the whole query lower-cased, as JSON of the sorted filter.
        var old = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("{\"searchExpression_eq\":\"blazor developer\"}")))[..32];
        Key("Blazor Developer").ShouldBe(old);
    }

    [Fact]
    public void The_filter_sends_the_escaped_expression_not_a_lower_cased_one()
    {
        var filter = UpworkSearchFilter.From(new Modules.Upwork.Data.SavedSearch { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "x", FilterKey = "", Query = " Python OR C++ " });
        filter["searchExpression_eq"].ShouldBe(@"Python OR C\+\+");
    }
}
