package overparam.claims;

/** Bad input from the user (parameter, id, dataset, generator request): the command line exits with code 2. */
public class BadInput extends IllegalArgumentException {
    public BadInput(String message) {
        super(message);
    }
}
