# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'choice_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_ChoiceDialog(object):
    def setupUi(self, ChoiceDialog):
        if not ChoiceDialog.objectName():
            ChoiceDialog.setObjectName(u"ChoiceDialog")
        ChoiceDialog.resize(480, 170)
        ChoiceDialog.setMinimumSize(QSize(440, 0))
        ChoiceDialog.setModal(True)
        self.main_layout = QVBoxLayout(ChoiceDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ChoiceDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.year_caption = QLabel(ChoiceDialog)
        self.year_caption.setObjectName(u"year_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.year_caption)

        self.year_spin = QSpinBox(ChoiceDialog)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.year_spin)

        self.period_caption = QLabel(ChoiceDialog)
        self.period_caption.setObjectName(u"period_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.period_caption)

        self.period_combo = QComboBox(ChoiceDialog)
        self.period_combo.setObjectName(u"period_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.period_combo)


        self.main_layout.addLayout(self.form_layout)

        self.bottom_spacer = QSpacerItem(10, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(ChoiceDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.year_caption.setBuddy(self.year_spin)
        self.period_caption.setBuddy(self.period_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChoiceDialog)
        self.button_box.accepted.connect(ChoiceDialog.accept)
        self.button_box.rejected.connect(ChoiceDialog.reject)
    # setupUi

    def retranslateUi(self, ChoiceDialog):
        self.year_caption.setText(QCoreApplication.translate("ChoiceDialog", u"&N\u0103m c\u1ee7a k\u1ebf ho\u1ea1ch m\u1edbi:", None))
        self.period_caption.setText(QCoreApplication.translate("ChoiceDialog", u"&K\u1ef3 b\u00e1o c\u00e1o:", None))
        pass
    # retranslateUi

