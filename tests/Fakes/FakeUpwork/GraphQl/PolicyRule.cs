using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace FakeUpwork.GraphQl;

/// <summary>
/// Runs with the engine's own validation rules and walks the executed operation (and the fragments it uses) by type:
/// <list type="bullet">
/// <item>good-faith introspection: no <c>__schema</c>, at most one <c>__type</c> (and one of each <c>__Type</c> list field);</item>
/// <item>scopes: every selected <c>Type.field</c> must be covered by the key's scopes (<see cref="ScopeMap"/>).</item>
/// </list>
/// A failure becomes a single <see cref="FakeAbortError"/>; the endpoint drops it when the engine found real validation errors.
/// It also enforces the variable-position rule strictly (the GraphQL specification's type equality): GraphQL.NET 8 lets a <c>String!</c>
/// variable stand where <c>ID!</c> is expected, graphql-java does not.
/// </summary>
internal sealed class PolicyRule : ValidationRuleBase
{
    public const string BadFaithPrefix = "This request is not asking for introspection in good faith";
    public const string ScopePrefix = "The client or authentication token doesn't have enough oauth2 permissions/scopes to access: ";

    private static readonly HashSet<string> LimitedTypeFields = new(StringComparer.Ordinal) { "fields", "inputFields", "interfaces", "possibleTypes" };

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new Visitor());

    private sealed class Visitor : INodeVisitor
    {
        private readonly SortedSet<string> _denied = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _introspection = new(StringComparer.Ordinal);
        private readonly Dictionary<string, GraphQLType> _variableTypes = new(StringComparer.Ordinal);
        private readonly List<(string Name, string Declared, string Expected, ASTNode Node)> _mismatches = [];
        private HashSet<GraphQLFragmentDefinition>? _usedFragments;
        private bool _active = true;
        private bool _inVariableDefinition;

        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            switch (node)
            {
                case GraphQLOperationDefinition operation:
                    _active = context.Operation is null || ReferenceEquals(operation, context.Operation);
                    break;
                case GraphQLFragmentDefinition fragment:
                    if (context.Operation is not null)
                    {
                        _usedFragments ??= [.. context.GetRecursivelyReferencedFragments(context.Operation) ?? []];
                        _active = _usedFragments.Contains(fragment);
                    }

                    break;
                case GraphQLField field when _active:
                    Check(field, context);
                    break;
                case GraphQLVariableDefinition definition:
                    _inVariableDefinition = true;
                    if (_active)
                    {
                        _variableTypes[definition.Variable.Name.StringValue] = definition.Type;
                    }

                    break;
                case GraphQLVariable variable when _active && !_inVariableDefinition:
                    CheckVariable(variable, context);
                    break;
            }

            return default;
        }

        private void CheckVariable(GraphQLVariable variable, ValidationContext context)
        {
            var name = variable.Name.StringValue;
            if (!_variableTypes.TryGetValue(name, out var declared) || context.TypeInfo.GetInputType() is not { } expected)
            {
                return;
            }

            if (!Fits(declared, expected))
            {
                _mismatches.Add((name, Print(declared), Print(expected), variable));
            }
        }

        private static bool Fits(GraphQLType declared, IGraphType expected) => (declared, expected) switch
        {
            (GraphQLNonNullType d, NonNullGraphType e) => Fits(d.Type, e.ResolvedType!),
            (_, NonNullGraphType) => false,
            (GraphQLNonNullType d, _) => Fits(d.Type, expected),
            (GraphQLListType d, ListGraphType e) => Fits(d.Type, e.ResolvedType!),
            (GraphQLListType, _) or (_, ListGraphType) => false,
            (GraphQLNamedType d, _) => d.Name.StringValue == expected.Name,
            _ => true,
        };

        private static string Print(GraphQLType type) => type switch
        {
            GraphQLNonNullType n => Print(n.Type) + "!",
            GraphQLListType l => "[" + Print(l.Type) + "]",
            GraphQLNamedType named => named.Name.StringValue,
            _ => type.ToString() ?? "",
        };

        private static string Print(IGraphType type) => type switch
        {
            NonNullGraphType n => Print(n.ResolvedType!) + "!",
            ListGraphType l => "[" + Print(l.ResolvedType!) + "]",
            _ => type.Name,
        };

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context)
        {
            if (node is GraphQLVariableDefinition)
            {
                _inVariableDefinition = false;
            }

            if (node is not GraphQLDocument)
            {
                return default;
            }

            foreach (var (name, declared, expected, at) in _mismatches)
            {
                var message = $"Variable '${name}' of type '{declared}' used in position expecting type '{expected}'.";
                if (!context.Errors.Any(e => e.Code == "VARIABLES_IN_ALLOWED_POSITION" && e.Message.StartsWith($"Variable '${name}'", StringComparison.Ordinal)))
                {
                    context.ReportError(new ValidationError(context.Document.Source, "5.8.5", message, at) { Code = "VARIABLES_IN_ALLOWED_POSITION" });
                }
            }

            var badFaith = _introspection.FirstOrDefault(kv => kv.Key == "Query.__schema" || kv.Value > 1);
            if (badFaith.Key is not null)
            {
                var detail = badFaith.Key == "Query.__schema"
                    ? "__schema is not available to public clients"
                    : $"{badFaith.Key} is present too often!";
                context.ReportError(new FakeAbortError(context.Document.Source, "BadFaithIntrospection", $"{BadFaithPrefix} - {detail}"));
            }
            else if (_denied.Count > 0 && context.UserContext is RequestContext)
            {
                context.ReportError(new FakeAbortError(context.Document.Source, "ExecutionAborted", ScopePrefix + "[" + string.Join(", ", _denied) + "]."));
            }

            return default;
        }

        private void Check(GraphQLField field, ValidationContext context)
        {
            var parent = context.TypeInfo.GetParentType()?.GetNamedType();
            if (parent is null)
            {
                return;
            }

            var name = field.Name.StringValue;
            if (name == "__typename")
            {
                return;
            }

            if (name is "__schema" or "__type" || (parent.Name == "__Type" && LimitedTypeFields.Contains(name)))
            {
                var key = (name.StartsWith("__", StringComparison.Ordinal) ? "Query" : parent.Name) + "." + name;
                _introspection[key] = _introspection.GetValueOrDefault(key) + 1;
                return;
            }

            if (parent.Name.StartsWith("__", StringComparison.Ordinal) || context.UserContext is not RequestContext request)
            {
                return;
            }

            var scope = ScopeMap.Required(parent.Name, name);
            if (scope == ScopeMap.Blocked || !request.Client.Scopes.Contains(scope))
            {
                _denied.Add(parent.Name + "." + name);
            }
        }
    }
}
