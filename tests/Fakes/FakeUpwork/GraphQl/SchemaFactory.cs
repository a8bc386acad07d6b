using System.Text.RegularExpressions;
using FakeUpwork.GraphQl.Render;
using FakeUpwork.GraphQl.Resolvers;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace FakeUpwork.GraphQl;

/// <summary>
/// Builds the schema from the embedded SDL (schema-first, once) or from a test's edited copy of it, and wires the
/// resolvers. Resolvers find their field by name, so a renamed field simply resolves to nothing.
/// </summary>
internal static class SchemaFactory
{
    public static string Sdl { get; } = ReadSdl();

    private static readonly Lazy<ISchema> Shared = new(() => Create(Sdl), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ISchema Schema => Shared.Value;

    /// <summary>A schema from <paramref name="sdl"/>; throws when the SDL does not parse or does not build.</summary>
    public static ISchema Create(string sdl)
    {
        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            void Root(string type, string field, Func<IResolveFieldContext, object?> resolve)
            {
                if (HasField(sdl, type, field))
                {
                    builder.Types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<object?>(resolve);
                }
            }

            Root("Query", "user", QueryResolvers.User);
            Root("Query", "organization", QueryResolvers.Organization);
            Root("Query", "companySelector", QueryResolvers.CompanySelector);
            Root("Query", "freelancerProfileByProfileKey", QueryResolvers.ProfileByKey);
            Root("Query", "marketplaceJobPostingsSearch", QueryResolvers.Search);
            Root("Query", "marketplaceJobPosting", QueryResolvers.JobPosting);
            Root("Query", "marketplaceJobPostingsContents", QueryResolvers.Contents);
            Root("Query", "vendorProposals", QueryResolvers.VendorProposals);
            Root("Query", "vendorProposal", QueryResolvers.VendorProposal);
            Root("Query", "talentWorkHistory", QueryResolvers.WorkHistory);
            Root("Query", "vendorContracts", QueryResolvers.Blocked);
            Root("Query", "contractList", QueryResolvers.Blocked);
            Root("Mutation", "createJobProposal", MutationResolvers.CreateJobProposal);
        });
        schema.Initialize();

        var fromNode = new FuncFieldResolver<object?>(FromNode);
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields.Where(f => f.Resolver is null))
            {
                field.Resolver = fromNode;
            }
        }

        return schema;
    }

    /// <summary>
    /// <paramref name="sdl"/> with the field <paramref name="field"/> of the type (or input) <paramref name="typeName"/>
    /// renamed to <paramref name="newName"/>: what Upwork renaming a field looks like to a client.
    /// </summary>
    public static string RenameField(string sdl, string typeName, string field, string newName)
    {
        var block = TypeBlock(sdl, typeName) ?? throw new ArgumentException($"The schema has no type {typeName}.");
        var body = sdl.Substring(block.Index, block.Length);
        var line = new Regex($@"^(\s+){Regex.Escape(field)}(?=[\s(:@])", RegexOptions.Multiline);
        if (!line.IsMatch(body))
        {
            throw new ArgumentException($"{typeName} has no field or value {field}.");
        }

        return string.Concat(sdl.AsSpan(0, block.Index), line.Replace(body, "${1}" + newName, 1), sdl.AsSpan(block.Index + block.Length));
    }

    private static bool HasField(string sdl, string typeName, string field) =>
        TypeBlock(sdl, typeName) is { } block
        && Regex.IsMatch(sdl.Substring(block.Index, block.Length), $@"^\s+{Regex.Escape(field)}[\s(:@]", RegexOptions.Multiline);

    private static Match? TypeBlock(string sdl, string typeName)
    {
        var match = Regex.Match(sdl, $@"^(type|input|enum)\s+{Regex.Escape(typeName)}\s*\{{[^}}]*\}}", RegexOptions.Multiline);
        return match.Success ? match : null;
    }

    /// <summary>Default resolver: the value stored under the field's name in a rendered <see cref="Node"/>; functions are invoked.</summary>
    private static object? FromNode(IResolveFieldContext context) =>
        context.Source is IDictionary<string, object?> node && node.TryGetValue(context.FieldDefinition.Name, out var value)
            ? value is Func<object?> lazy ? lazy() : value
            : null;

    private static string ReadSdl()
    {
        using var stream = typeof(SchemaFactory).Assembly.GetManifestResourceStream("FakeUpwork.Schema.graphql")
            ?? throw new InvalidOperationException("Embedded schema missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
