using FakeUpwork.GraphQl.Render;
using FakeUpwork.GraphQl.Resolvers;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace FakeUpwork.GraphQl;

/// <summary>Builds the schema once from the embedded SDL (schema-first) and wires the resolvers.</summary>
internal static class SchemaFactory
{
    private static readonly Lazy<ISchema> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ISchema Schema => Shared.Value;

    public static string Sdl { get; } = ReadSdl();

    private static ISchema Create()
    {
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            void Root(string type, string field, Func<IResolveFieldContext, object?> resolve) =>
                builder.Types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<object?>(resolve);

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
