namespace ConvSpecs.Bridge.Tests.Domain;

public sealed class Calculator(Brand brand)
{
    private readonly List<double> entered = [];

    public Brand Brand { get; } = brand;

    public bool IsOn { get; private set; }

    public double Display { get; private set; }

    public string Mode { get; set; } = "standard";

    public string Maker { get; set; } = "";

    public string Note { get; set; } = "";

    public int Memory => entered.Count;

    public void SwitchOn() => IsOn = true;

    public void Show(double number) => Display = number;

    public void Enter(double number)
    {
        entered.Add(number);
        Display = number;
    }

    public void Press(Operation operation)
    {
        Display = operation switch
        {
            Operation.Add => entered.Sum(),
            Operation.Subtract => entered[0] - entered.Skip(1).Sum(),
            Operation.Multiply => entered.Aggregate(1.0, (product, number) => product * number),
            _ => entered.Skip(1).Aggregate(entered[0], (quotient, number) => quotient / number),
        };
        entered.Clear();
    }
}
