using System.Reflection;
using Bitbucket.Tests.Coverage;
using NSubstitute;

namespace Bitbucket.Tests.Mocking;

/// <summary>
/// Every list method of every API interface is faked with the documented one-liner
/// (<c>.Returns(BitbucketPageable.FromPages(...))</c>) and enumerates two pages; an unconfigured one enumerates as empty.
/// </summary>
[TestFixture]
public sealed class EveryListMocksTests
{
    public static IEnumerable<TestCaseData> ListMethods() =>
        ApiSurface.ApiInterfaces()
            .SelectMany(api => api.GetMethods().Where(IsList).Select(m => new TestCaseData(api, m).SetName($"{api.Name}.{m.Name}")));

    [Test]
    public void EveryApiInterfaceHasItsListsCounted()
    {
        var lists = ListMethods().Count();

        // 81 list methods over the 22 interfaces; a new list method joins this count and every test below.
        Assert.That(lists, Is.EqualTo(81));
    }

    [TestCaseSource(nameof(ListMethods))]
    public async Task ConfiguredWithTwoPages_EnumeratesBothPages(Type api, MethodInfo method)
    {
        var itemType = method.ReturnType.GetGenericArguments()[0];
        var substitute = Substitute.For([api], []);
        var (first, second) = (CreateItem(itemType), CreateItem(itemType));

        // api.Method(Arg.Any<…>(), …).Returns(BitbucketPageable.FromPages([first], [second])), through reflection.
        var specs = method.GetParameters().Select(p => ArgAny(p.ParameterType)).ToArray();
        var call = method.Invoke(substitute, specs);
        var fake = FromTwoPages(itemType, first, second);
        ReturnsFor(method.ReturnType).Invoke(null, [call, fake, Array.CreateInstance(method.ReturnType, 0)]);

        var returned = method.Invoke(substitute, method.GetParameters().Select(SampleArgument).ToArray())!;
        var pages = await CountAsync(itemType, returned);

        Assert.That(pages, Is.EqualTo((Pages: 2, Items: new[] { first, second })));
    }

    [TestCaseSource(nameof(ListMethods))]
    public async Task Unconfigured_EnumeratesAsEmpty(Type api, MethodInfo method)
    {
        var substitute = Substitute.For([api], []);

        var returned = method.Invoke(substitute, method.GetParameters().Select(SampleArgument).ToArray());

        Assert.That(returned, Is.Not.Null, "NSubstitute returns a recursive fake for an abstract class with virtual members.");
        var pages = await CountAsync(method.ReturnType.GetGenericArguments()[0], returned!);
        Assert.That(pages.Items, Is.Empty);
    }

    private static bool IsList(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(BitbucketPageable<>);

    private static object? ArgAny(Type type) =>
        typeof(Arg).GetMethod(nameof(Arg.Any))!.MakeGenericMethod(type).Invoke(null, null);

    private static MethodInfo ReturnsFor(Type returnType) =>
        typeof(SubstituteExtensions).GetMethods()
            .Single(m => m.Name == nameof(SubstituteExtensions.Returns) && m.GetParameters() is [{ ParameterType.IsGenericParameter: true }, { ParameterType.IsGenericParameter: true }, { ParameterType.IsArray: true }])
            .MakeGenericMethod(returnType);

    private static object FromTwoPages(Type itemType, object first, object second)
    {
        var pages = Array.CreateInstance(typeof(IEnumerable<>).MakeGenericType(itemType), 2);
        pages.SetValue(OneItemArray(itemType, first), 0);
        pages.SetValue(OneItemArray(itemType, second), 1);
        var fromPages = typeof(BitbucketPageable).GetMethods()
            .Single(m => m.Name == nameof(BitbucketPageable.FromPages) && m.GetParameters() is [{ } p] && p.ParameterType.IsGenericType && p.ParameterType.GetGenericArguments()[0].IsGenericType && p.ParameterType.GetGenericArguments()[0].GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return fromPages.MakeGenericMethod(itemType).Invoke(null, [pages])!;
    }

    private static Array OneItemArray(Type itemType, object item)
    {
        var array = Array.CreateInstance(itemType, 1);
        array.SetValue(item, 0);
        return array;
    }

    /// <summary>A distinct instance of a model record (every model has a public parameterless constructor).</summary>
    private static object CreateItem(Type itemType) => Activator.CreateInstance(itemType)!;

    private static object? SampleArgument(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(string) ? "x"
        : parameter.ParameterType == typeof(int) ? 1
        : parameter.HasDefaultValue ? parameter.DefaultValue
        : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType)
        : null;

    private static Task<(int Pages, object[] Items)> CountAsync(Type itemType, object list) =>
        (Task<(int Pages, object[] Items)>)typeof(EveryListMocksTests).GetMethod(nameof(CountPagesAndItemsAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(itemType).Invoke(null, [list])!;

    private static async Task<(int Pages, object[] Items)> CountPagesAndItemsAsync<T>(BitbucketPageable<T> list)
    {
        var pages = 0;
        await foreach (var _ in list.AsPages())
        {
            pages++;
        }

        var items = new List<object>();
        await foreach (var item in list)
        {
            items.Add(item!);
        }

        return (pages, [.. items]);
    }
}
