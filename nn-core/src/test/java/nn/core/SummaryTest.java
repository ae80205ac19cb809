package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void printsTheKerasTable() {
        Sequential model = new Sequential().add(new Flatten(28, 28)).add(new Dense(300, "relu", true))
                .add(new Dense(10, "softmax", true));
        model.layer(1).setTrainable(false);
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                " Layer (type)                Output Shape              Param #   ",
                "=================================================================",
                " flatten (Flatten)           (None, 784)               0         ",
                "                                                                 ",
                " dense (Dense)               (None, 300)               235500    ",
                "                                                                 ",
                " dense_1 (Dense)             (None, 10)                3010      ",
                "=================================================================",
                "Total params: 238,510",
                "Trainable params: 3,010",
                "Non-trainable params: 235,500",
                "_________________________________________________________________",
                "");
        assertEquals(expected, model.summary());
    }
}
